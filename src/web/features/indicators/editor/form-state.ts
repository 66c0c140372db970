import type {
  Condition,
  IndicatorDefinitionInput,
  PlanFlag,
  RECIPIENTS,
  RESPONDENTS,
  RecordSet,
  SETTINGS,
  TIMEPOINTS,
  Window,
} from "../../../../server/indicators/definition.ts";

/**
 * The indicator editor's menus, and how they become a definition of the indicator language
 * (src/server/indicators/definition.ts, docs/indicators.md). The editor writes one shape — a
 * population with optional filters, one record set with a window and a threshold — and reads
 * back only definitions of that shape; anything else is edited as JSON.
 */
export type Kind = "ratio" | "count" | "median";
export type RecordKind = "interventions" | "assessments" | "plans";
export type NumberField = number | "";
export type Recipient = (typeof RECIPIENTS)[number];
export type Setting = (typeof SETTINGS)[number];
export type Respondent = (typeof RESPONDENTS)[number];
export type Timepoint = (typeof TIMEPOINTS)[number];

export interface EditorForm {
  id: string;
  label: string;
  description: string;
  /** What the indicator is about: enrolments and their records, or the uptake of the practice. */
  measures: "enrolments" | "offers";
  /** Uptake: the window ending on the as-of date, in days. */
  windowDays: NumberField;
  kind: Kind;
  /** For a count: patients meeting the condition, or their records. */
  countOf: "patients" | "records";
  observed: "all" | "early" | "days";
  observedDays: NumberField;
  sex: string[];
  ageMin: NumberField;
  ageMax: NumberField;
  targetDiagnoses: boolean;
  recordKind: RecordKind;
  types: string[];
  psychosocial: "any" | "yes" | "no";
  recipients: Recipient[];
  settings: Setting[];
  instruments: string[];
  respondents: Respondent[];
  timepoints: Timepoint[];
  planFlags: PlanFlag[];
  windowPreset: "early" | "care" | "custom";
  fromDay: NumberField;
  toDay: NumberField;
  until: "care_end" | "as_of";
  threshold: "number" | "intensive";
  atLeast: NumberField;
  /** A ratio's target in percent; others as they are. */
  target: NumberField;
  direction: "higher_is_better" | "lower_is_better" | "";
}

export const EMPTY_FORM: EditorForm = {
  id: "",
  label: "",
  description: "",
  measures: "enrolments",
  windowDays: 365,
  kind: "ratio",
  countOf: "patients",
  observed: "early",
  observedDays: "",
  sex: [],
  ageMin: "",
  ageMax: "",
  targetDiagnoses: false,
  recordKind: "interventions",
  types: [],
  psychosocial: "any",
  recipients: [],
  settings: [],
  instruments: [],
  respondents: [],
  timepoints: [],
  planFlags: [],
  windowPreset: "early",
  fromDay: 0,
  toDay: "",
  until: "care_end",
  threshold: "number",
  atLeast: 1,
  target: "",
  direction: "higher_is_better",
};

/** The form's fields that show server errors, each with the definition path it writes. */
export type FieldName =
  | "id"
  | "label"
  | "description"
  | "kind"
  | "target"
  | "direction"
  | "observed"
  | "sex"
  | "age"
  | "targetDiagnoses"
  | "recordKind"
  | "types"
  | "psychosocial"
  | "recipients"
  | "settings"
  | "instruments"
  | "respondents"
  | "timepoints"
  | "planFlags"
  | "fromDay"
  | "toDay"
  | "until"
  | "atLeast"
  | "windowDays";

export interface Built {
  definition: IndicatorDefinitionInput;
  /** Where each field landed in the request (`definition.compute.numerator.records.types`). */
  paths: Partial<Record<FieldName, string>>;
}

const num = (v: NumberField): number | undefined => (v === "" ? undefined : v);
const EARLY_WINDOW: Window = {
  fromDay: 0,
  toDay: { param: "earlyWindowDays", times: 1, plus: -1 },
  until: "care_end",
};
const CARE_PERIOD: Window = { fromDay: 0, toDay: null, until: "care_end" };

/** The definition the menus describe, and the path of every field in it. */
export function toDefinition(f: EditorForm): Built {
  return f.measures === "offers" ? uptakeDefinition(f) : enrolmentDefinition(f);
}

/** Where the fields every definition has land in the request. */
const identityPaths = (D: string): Built["paths"] => ({
  id: `${D}.id`,
  label: `${D}.label`,
  description: `${D}.description`,
  kind: `${D}.kind`,
  target: `${D}.target`,
  direction: `${D}.direction`,
});

/** Uptake of the practice (source `offers`): a ratio over a window ending on the as-of date. */
function uptakeDefinition(f: EditorForm): Built {
  const D = "definition";
  return {
    definition: {
      id: f.id.trim(),
      label: f.label,
      description: f.description,
      kind: "ratio",
      target: f.target === "" ? null : f.target / 100,
      direction: f.direction === "" ? null : f.direction,
      compute: { source: "offers", ...(f.windowDays === "" ? {} : { windowDays: f.windowDays }) },
    },
    paths: { ...identityPaths(D), windowDays: `${D}.compute.windowDays` },
  };
}

function enrolmentDefinition(f: EditorForm): Built {
  const D = "definition";
  const paths: Built["paths"] = {
    ...identityPaths(D),
    observed: `${D}.compute.population.observedDays`,
  };

  const filters: Array<{ field: FieldName; condition: Condition }> = [];
  if (f.sex.length) filters.push({ field: "sex", condition: { type: "in", field: "sex", values: f.sex } });
  if (f.ageMin !== "" || f.ageMax !== "") {
    filters.push({
      field: "age",
      condition: { type: "range", field: "age_at_enrolment", min: num(f.ageMin), max: num(f.ageMax) },
    });
  }
  if (f.targetDiagnoses) {
    filters.push({
      field: "targetDiagnoses",
      condition: { type: "prefix", field: "primary_diagnosis", prefixes: { param: "targetDiagnoses" } },
    });
  }
  const wherePath = `${D}.compute.population.where`;
  filters.forEach((x, i) => {
    paths[x.field] = filters.length === 1 ? wherePath : `${wherePath}.of.${i}`;
  });
  const where: Condition | undefined =
    filters.length === 0
      ? undefined
      : filters.length === 1
        ? filters[0]!.condition
        : { type: "all", of: filters.map((x) => x.condition) };

  const window: Window =
    f.windowPreset === "early"
      ? EARLY_WINDOW
      : f.windowPreset === "care"
        ? CARE_PERIOD
        : {
            fromDay: f.fromDay === "" ? null : f.fromDay,
            toDay: f.toDay === "" ? null : f.toDay,
            until: f.until,
          };
  const records = recordSet(f, window);

  const usesMeasure = f.kind === "median" || (f.kind === "count" && f.countOf === "records");
  const recordsPath = usesMeasure ? `${D}.compute.measure` : `${D}.compute.numerator.records`;
  paths.recordKind = usesMeasure ? `${D}.compute.measure` : `${D}.compute.numerator`;
  for (const field of [
    "types",
    "psychosocial",
    "recipients",
    "settings",
    "instruments",
    "respondents",
    "timepoints",
  ] as const) {
    paths[field] = `${recordsPath}.${field}`;
  }
  paths.planFlags = `${recordsPath}.flags`;
  paths.fromDay = `${recordsPath}.window.fromDay`;
  paths.toDay = `${recordsPath}.window.toDay`;
  paths.until = `${recordsPath}.window.until`;
  if (!usesMeasure) paths.atLeast = `${D}.compute.numerator.atLeast`;

  const atLeast =
    f.threshold === "intensive"
      ? { param: "intensiveThreshold" as const, times: 1 as const, plus: 0 }
      : f.atLeast === ""
        ? 1
        : f.atLeast;
  const population = {
    observedDays:
      f.observed === "all"
        ? 0
        : f.observed === "early"
          ? { param: "earlyWindowDays" as const, times: 1 as const, plus: 0 }
          : f.observedDays === ""
            ? 0
            : f.observedDays,
    ...(where ? { where } : {}),
  };
  const target = f.target === "" ? null : f.kind === "ratio" ? f.target / 100 : f.target;
  const definition: IndicatorDefinitionInput = {
    id: f.id.trim(),
    label: f.label,
    description: f.description,
    kind: f.kind,
    target,
    direction: f.direction === "" ? null : f.direction,
    compute: usesMeasure
      ? { source: "enrolments", population, measure: records }
      : { source: "enrolments", population, numerator: { type: "records", records, atLeast } },
  };
  return { definition, paths };
}

function recordSet(f: EditorForm, window: Window): RecordSet {
  if (f.recordKind === "interventions") {
    return {
      from: "interventions",
      ...(f.types.length ? { types: f.types } : {}),
      ...(f.psychosocial === "any" ? {} : { psychosocial: f.psychosocial === "yes" }),
      ...(f.recipients.length ? { recipients: f.recipients } : {}),
      ...(f.settings.length ? { settings: f.settings } : {}),
      window,
    };
  }
  if (f.recordKind === "assessments") {
    return {
      from: "assessments",
      ...(f.instruments.length ? { instruments: f.instruments } : {}),
      ...(f.respondents.length ? { respondents: f.respondents } : {}),
      ...(f.timepoints.length ? { timepoints: f.timepoints } : {}),
      window,
    };
  }
  return {
    from: "plans",
    ...(f.planFlags.length ? { flags: Object.fromEntries(f.planFlags.map((k) => [k, true])) } : {}),
    window,
  };
}

/** The field that shows an error at `path`: the one whose path is the longest prefix of it. */
export function fieldOf(paths: Built["paths"], path: string): FieldName | null {
  let best: FieldName | null = null;
  let length = -1;
  for (const [name, p] of Object.entries(paths) as Array<[FieldName, string]>) {
    if ((path === p || path.startsWith(`${p}.`)) && p.length > length) {
      best = name;
      length = p.length;
    }
  }
  return best;
}

// ---- reading a saved definition back into the menus -------------------------------------------

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const isParam = (v: unknown, param: string, plus = 0) =>
  isObj(v) && v.param === param && (v.times ?? 1) === 1 && (v.plus ?? 0) === plus;
const strings = (v: unknown): string[] | null =>
  Array.isArray(v) && v.every((x) => typeof x === "string") ? (v as string[]) : null;
const sameWindow = (a: Json, b: Window) =>
  JSON.stringify(normalWindow(a)) === JSON.stringify(normalWindow(b as Json));
const normalWindow = (w: Json) => ({
  fromDay: w.fromDay === undefined ? 0 : w.fromDay,
  toDay: w.toDay === undefined ? null : w.toDay,
  until: w.until ?? "care_end",
  ...(isObj(w.toDay)
    ? { toDay: { param: w.toDay.param, times: w.toDay.times ?? 1, plus: w.toDay.plus ?? 0 } }
    : {}),
});

/** The menus for a saved definition, or null when it has a shape the menus do not write. */
export function fromDefinition(input: unknown): EditorForm | null {
  if (!isObj(input) || !isObj(input.compute)) return null;
  const c = input.compute;
  if (c.source === "offers") return uptakeForm(input, c);
  if (c.source !== "enrolments" || !isObj(c.population)) return null;
  const kind = input.kind;
  if (kind !== "ratio" && kind !== "count" && kind !== "median") return null;
  const f: EditorForm = {
    ...EMPTY_FORM,
    id: String(input.id ?? ""),
    label: String(input.label ?? ""),
    description: String(input.description ?? ""),
    kind,
    direction:
      input.direction === "higher_is_better" || input.direction === "lower_is_better" ? input.direction : "",
  };
  if (input.target !== null && input.target !== undefined) {
    if (typeof input.target !== "number") return null;
    f.target = kind === "ratio" ? Math.round(input.target * 100 * 1e6) / 1e6 : input.target;
  }
  // population
  const od = c.population.observedDays ?? 0;
  if (od === 0) f.observed = "all";
  else if (isParam(od, "earlyWindowDays")) f.observed = "early";
  else if (typeof od === "number") {
    f.observed = "days";
    f.observedDays = od;
  } else return null;
  const where = c.population.where;
  if (where !== undefined) {
    const list = isObj(where) && where.type === "all" && Array.isArray(where.of) ? where.of : [where];
    if (list.length > 3) return null;
    for (const cond of list) {
      if (!isObj(cond)) return null;
      if (cond.type === "in" && cond.field === "sex" && strings(cond.values) && !f.sex.length)
        f.sex = strings(cond.values)!;
      else if (cond.type === "range" && cond.field === "age_at_enrolment") {
        if (cond.min !== undefined && typeof cond.min !== "number") return null;
        if (cond.max !== undefined && typeof cond.max !== "number") return null;
        f.ageMin = (cond.min as number | undefined) ?? "";
        f.ageMax = (cond.max as number | undefined) ?? "";
      } else if (
        cond.type === "prefix" &&
        cond.field === "primary_diagnosis" &&
        isParam(cond.prefixes, "targetDiagnoses")
      )
        f.targetDiagnoses = true;
      else return null;
    }
  }
  // what is counted
  let records: unknown;
  if (c.measure !== undefined) {
    if (c.numerator !== undefined || kind === "ratio") return null;
    records = c.measure;
    if (kind === "count") f.countOf = "records";
  } else {
    const n = c.numerator;
    if (!isObj(n) || n.type !== "records" || n.atMost !== undefined || kind === "median") return null;
    records = n.records;
    f.countOf = "patients";
    const atLeast = n.atLeast ?? 1;
    if (typeof atLeast === "number") f.atLeast = atLeast;
    else if (isParam(atLeast, "intensiveThreshold")) f.threshold = "intensive";
    else return null;
  }
  if (!isObj(records) || !isObj(records.window)) return null;
  const w = records.window;
  if (sameWindow(w, EARLY_WINDOW)) f.windowPreset = "early";
  else if (sameWindow(w, CARE_PERIOD)) f.windowPreset = "care";
  else {
    const from = w.fromDay === undefined ? 0 : w.fromDay;
    const to = w.toDay === undefined ? null : w.toDay;
    if ((from !== null && typeof from !== "number") || (to !== null && typeof to !== "number")) return null;
    f.windowPreset = "custom";
    f.fromDay = from ?? "";
    f.toDay = to ?? "";
    f.until = w.until === "as_of" ? "as_of" : "care_end";
  }
  const known = new Set(["from", "window"]);
  if (records.from === "interventions") {
    f.recordKind = "interventions";
    f.types = strings(records.types) ?? [];
    f.psychosocial = records.psychosocial === undefined ? "any" : records.psychosocial ? "yes" : "no";
    f.recipients = (strings(records.recipients) ?? []) as Recipient[];
    f.settings = (strings(records.settings) ?? []) as Setting[];
    for (const k of ["types", "psychosocial", "recipients", "settings"]) known.add(k);
  } else if (records.from === "assessments") {
    f.recordKind = "assessments";
    f.instruments = strings(records.instruments) ?? [];
    f.respondents = (strings(records.respondents) ?? []) as Respondent[];
    f.timepoints = (strings(records.timepoints) ?? []) as Timepoint[];
    for (const k of ["instruments", "respondents", "timepoints"]) known.add(k);
  } else if (records.from === "plans") {
    f.recordKind = "plans";
    const flags = records.flags;
    if (flags !== undefined) {
      if (!isObj(flags) || Object.values(flags).some((v) => v !== true)) return null;
      f.planFlags = Object.keys(flags) as PlanFlag[];
    }
    known.add("flags");
  } else return null;
  if (Object.keys(records).some((k) => !known.has(k))) return null;
  return f;
}

function uptakeForm(input: Json, c: Json): EditorForm | null {
  if (input.kind !== "ratio") return null;
  if (Object.keys(c).some((k) => k !== "source" && k !== "windowDays")) return null;
  const windowDays = c.windowDays ?? 365;
  if (typeof windowDays !== "number") return null;
  if (input.target !== null && input.target !== undefined && typeof input.target !== "number") return null;
  return {
    ...EMPTY_FORM,
    id: String(input.id ?? ""),
    label: String(input.label ?? ""),
    description: String(input.description ?? ""),
    measures: "offers",
    windowDays,
    kind: "ratio",
    target: typeof input.target === "number" ? Math.round(input.target * 100 * 1e6) / 1e6 : "",
    direction:
      input.direction === "higher_is_better" || input.direction === "lower_is_better" ? input.direction : "",
  };
}
