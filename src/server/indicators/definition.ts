import { z } from "zod";
import type { IssueParams } from "../../shared/validation-messages.ts";
import {
  GROUP_KINDS,
  PLAN_FLAGS,
  RECIPIENTS,
  RESPONDENTS,
  SETTINGS,
  TIMEPOINTS,
} from "../../shared/vocabulary.ts";
import { zodIssue } from "../infra/http/error-handler.ts";
import { Code, PROFILES } from "../shared/schemas.ts";

export { GROUP_KINDS, PLAN_FLAGS, RECIPIENTS, RESPONDENTS, SETTINGS, TIMEPOINTS };

/**
 * The indicator definition language. An indicator is data: the built-in catalogue
 * (catalogue.ts) and the indicators users define are written in this one form, validated by
 * `validate()` and compiled to set-based SQL by compile.ts. See docs/indicators.md.
 *
 * Vocabulary: the *population* is a set of enrolments of the programme enrolled on or before
 * the reference date R; a *condition* is a yes/no question about one enrolment (a field of the
 * enrolment or its patient, or how many of the patient's records fall in a window relative to
 * the enrolment); a *record set* picks interventions, assessments or treatment plans of the
 * patient by their fields and a window.
 */

/** Programme parameters (INDICATORS.md) that a number in a definition may refer to. */
export const NUMBER_PARAMS = [
  "targetEnrolmentPerSite",
  "intensiveThreshold",
  "earlyWindowDays",
  "newToServiceDays",
  "ageBand.min",
  "ageBand.max",
] as const;
export type NumberParam = (typeof NUMBER_PARAMS)[number];

const Int = z.number().int("a whole number").min(-36500).max(36500);

/**
 * A whole number, written literally or as `times × parameter + plus`, e.g. the last day of the
 * early window is `{ "param": "earlyWindowDays", "plus": -1 }`.
 */
export const IntegerRef = z.union([
  Int,
  z.strictObject({
    param: z.enum(NUMBER_PARAMS),
    times: z.union([z.literal(1), z.literal(-1)]).default(1),
    plus: Int.default(0),
  }),
]);
export type IntegerRef = z.infer<typeof IntegerRef>;

/**
 * Which dates of a patient's records count for an enrolment, in days relative to the enrolment
 * date (day 0): from `fromDay` to `toDay`, both inclusive (null: unbounded on that side), and
 * never after `until` — `care_end` is min(end_date, R), `as_of` is R. Nothing dated after R ever
 * counts.
 */
export const Window = z.strictObject({
  fromDay: IntegerRef.nullable().default(0),
  toDay: IntegerRef.nullable().default(null),
  until: z.enum(["care_end", "as_of"]).default("care_end"),
});
export type Window = z.infer<typeof Window>;

export type PlanFlag = (typeof PLAN_FLAGS)[number];

const codes = (max = 50) => z.array(Code).min(1, "at least one value").max(max);
const enums = <T extends readonly [string, ...string[]]>(values: T) =>
  z.array(z.enum(values)).min(1, "at least one value").max(values.length);

export const InterventionRecords = z.strictObject({
  from: z.literal("interventions"),
  /** Intervention type codes (base taxonomy or the practice's own). */
  types: codes().optional(),
  /** Only psychosocial types (true) or only the others (false), per the programme's practice. */
  psychosocial: z.boolean().optional(),
  recipients: enums(RECIPIENTS).optional(),
  settings: enums(SETTINGS).optional(),
  professionalProfiles: enums(PROFILES).optional(),
  modules: codes(100).optional(),
  window: Window,
});
export const AssessmentRecords = z.strictObject({
  from: z.literal("assessments"),
  instruments: codes().optional(),
  respondents: enums(RESPONDENTS).optional(),
  timepoints: enums(TIMEPOINTS).optional(),
  window: Window,
});
/** Treatment plans, by `created_date`; each flag given must have the stated value. */
export const PlanRecords = z.strictObject({
  from: z.literal("plans"),
  flags: z
    .strictObject({
      signed_by_patient: z.boolean().optional(),
      shared_with_social_services: z.boolean().optional(),
      shared_with_work_inclusion: z.boolean().optional(),
      integrated_actions_started: z.boolean().optional(),
      /** A `shared_with_patient_date` is present (true) or empty (false). */
      shared_with_patient: z.boolean().optional(),
    })
    .optional(),
  window: Window,
});
export const RecordSet = z.discriminatedUnion("from", [InterventionRecords, AssessmentRecords, PlanRecords]);
export type RecordSet = z.infer<typeof RecordSet>;

/** Enrolment and patient fields that may be empty. */
export const OPTIONAL_FIELDS = [
  "first_contact_date",
  "residence_area",
  "end_date",
  "end_reason",
  "primary_diagnosis",
  "secondary_diagnosis",
  "case_manager_code",
  "case_manager_profile",
] as const;
/** Fields compared to a list of values. */
export const CATEGORICAL_FIELDS = [
  "sex",
  "end_reason",
  "case_manager_profile",
  "residence_area",
  "site_code",
  "area_code",
] as const;
export const DIAGNOSIS_FIELDS = ["primary_diagnosis", "secondary_diagnosis"] as const;
export const NUMBER_FIELDS = ["age_at_enrolment", "birth_year"] as const;
export const DATE_FIELDS = ["enrolment_date", "end_date", "first_contact_date"] as const;

const DiagnosisPrefix = z
  .string()
  .regex(/^[A-Z][0-9]{0,2}(\.[0-9A-Z]{0,4})?$/, "an ICD-10 code or prefix, e.g. F60.3");
const CivilDateLiteral = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "a date as YYYY-MM-DD")
  .refine((s) => new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s, "not a date on the calendar");

/** A condition on one enrolment; always true or false, never unknown (empty fields never match). */
export type Condition =
  | { type: "all"; of: Condition[] }
  | { type: "any"; of: Condition[] }
  | { type: "not"; condition: Condition }
  | { type: "records"; records: RecordSet; atLeast: IntegerRef; atMost?: IntegerRef | undefined }
  | { type: "latest_plan"; window: Window; flag: PlanFlag; value: boolean }
  | { type: "present"; field: (typeof OPTIONAL_FIELDS)[number] }
  | { type: "in"; field: (typeof CATEGORICAL_FIELDS)[number]; values: string[] }
  | {
      type: "prefix";
      field: (typeof DIAGNOSIS_FIELDS)[number];
      prefixes: string[] | { param: "targetDiagnoses" };
    }
  | {
      type: "range";
      field: (typeof NUMBER_FIELDS)[number];
      min?: IntegerRef | undefined;
      max?: IntegerRef | undefined;
    }
  | {
      type: "date";
      field: (typeof DATE_FIELDS)[number];
      op: "<" | "<=" | "=" | ">=" | ">";
      ref: "as_of" | "enrolment_date" | { date: string };
      offsetDays: IntegerRef;
    };

export const Condition: z.ZodType<Condition> = z.lazy(() =>
  z.discriminatedUnion("type", [
    z.strictObject({ type: z.literal("all"), of: z.array(Condition).min(1).max(50) }),
    z.strictObject({ type: z.literal("any"), of: z.array(Condition).min(1).max(50) }),
    z.strictObject({ type: z.literal("not"), condition: Condition }),
    z
      .strictObject({
        type: z.literal("records"),
        records: RecordSet,
        atLeast: IntegerRef.default(1),
        atMost: IntegerRef.optional(),
      })
      .superRefine((c, ctx) => {
        if (typeof c.atLeast === "number" && typeof c.atMost === "number" && c.atMost < c.atLeast) {
          ctx.addIssue({ code: "custom", path: ["atMost"], message: "atMost must not be below atLeast" });
        }
      }),
    z.strictObject({
      type: z.literal("latest_plan"),
      window: Window,
      flag: z.enum(PLAN_FLAGS),
      value: z.boolean().default(true),
    }),
    z.strictObject({ type: z.literal("present"), field: z.enum(OPTIONAL_FIELDS) }),
    z.strictObject({
      type: z.literal("in"),
      field: z.enum(CATEGORICAL_FIELDS),
      values: z.array(z.string().min(1).max(64)).min(1, "at least one value").max(100),
    }),
    z.strictObject({
      type: z.literal("prefix"),
      field: z.enum(DIAGNOSIS_FIELDS),
      prefixes: z.union([
        z.array(DiagnosisPrefix).min(1, "at least one prefix").max(50),
        z.strictObject({ param: z.literal("targetDiagnoses") }),
      ]),
    }),
    z
      .strictObject({
        type: z.literal("range"),
        field: z.enum(NUMBER_FIELDS),
        min: IntegerRef.optional(),
        max: IntegerRef.optional(),
      })
      .superRefine((c, ctx) => {
        if (c.min === undefined && c.max === undefined) {
          ctx.addIssue({ code: "custom", path: ["min"], message: "give min, max or both" });
        }
        if (typeof c.min === "number" && typeof c.max === "number" && c.max < c.min) {
          ctx.addIssue({ code: "custom", path: ["max"], message: "max must not be below min" });
        }
      }),
    z.strictObject({
      type: z.literal("date"),
      field: z.enum(DATE_FIELDS),
      op: z.enum(["<", "<=", "=", ">=", ">"]),
      ref: z.union([
        z.literal("as_of"),
        z.literal("enrolment_date"),
        z.strictObject({ date: CivilDateLiteral }),
      ]),
      offsetDays: IntegerRef.default(0),
    }),
  ]),
) as z.ZodType<Condition>;

/**
 * The enrolments an indicator is about: those of the programme with `enrolment_date ≤ R −
 * observedDays` (0: everyone enrolled by R, E; `earlyWindowDays`: observed early, E90) that
 * meet `where`.
 */
export const Population = z.strictObject({
  observedDays: IntegerRef.default(0),
  where: Condition.optional(),
});
export type Population = z.infer<typeof Population>;

export const ProfessionalFilter = z.strictObject({
  inImplementationTeam: z.boolean().optional(),
  trained: z.boolean().optional(),
  teamCoordinator: z.boolean().optional(),
  profiles: enums(PROFILES).optional(),
});
export type ProfessionalFilter = z.infer<typeof ProfessionalFilter>;

/**
 * Where the numbers come from.
 * - `enrolments` (ratio, count, median): ratio = enrolments of the population meeting
 *   `numerator` / the population; count = the population's enrolments meeting `numerator`, or,
 *   with `measure`, the sum over them of their records in `measure`; median = the median over
 *   the population of each enrolment's number of records in `measure` (0 counts).
 * - `site_target` (count): sites whose population reaches their enrolment target (the site's
 *   own target, else the programme's `targetEnrolmentPerSite`); 1 or 0 on a site row.
 * - `groups` (count): the site's groups of these kinds started on or before R whose programme is
 *   this one or none.
 * - `professionals` (count, ratio): the site's professionals matching `where`; a ratio counts
 *   those of `denominator` that also match `numerator`. They have no dates: R does not apply.
 * - `offers` (ratio): uptake of the practice over the `windowDays` days up to R (R − windowDays,
 *   R]: patients enrolled at the site in that window ÷ those patients plus the patients who
 *   declined the offer there in the window and were not enrolled in the programme in it. Each
 *   patient counts once per site; areas and the programme are sums of their sites.
 */
export const Source = z.discriminatedUnion("source", [
  z.strictObject({
    source: z.literal("enrolments"),
    population: Population,
    numerator: Condition.optional(),
    measure: RecordSet.optional(),
  }),
  z.strictObject({ source: z.literal("site_target"), population: Population }),
  z.strictObject({
    source: z.literal("groups"),
    kinds: enums(GROUP_KINDS),
    /** Only groups not ended before R (end_date empty or ≥ R); default: all started, ended or not. */
    activeOnly: z.boolean().default(false),
  }),
  z.strictObject({ source: z.literal("professionals"), where: ProfessionalFilter.default({}) }),
  z.strictObject({
    source: z.literal("professionals_ratio"),
    denominator: ProfessionalFilter,
    numerator: ProfessionalFilter,
  }),
  z.strictObject({
    source: z.literal("offers"),
    /** The window ending on R, in days (365: the last twelve months). */
    windowDays: z.number().int().min(1).max(3660).default(365),
  }),
]);
export type Source = z.infer<typeof Source>;

export const KINDS = ["ratio", "count", "median"] as const;
export type Kind = (typeof KINDS)[number];
export const DIRECTIONS = ["higher_is_better", "lower_is_better"] as const;

export const IndicatorId = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,63}$/, "lower-case letters, digits and _, starting with a letter (≤ 64)");

export const IndicatorDefinition = z
  .strictObject({
    id: IndicatorId,
    label: z.string().trim().min(1, "required").max(200),
    description: z.string().max(2000).default(""),
    kind: z.enum(KINDS),
    /** The value aimed at: a number, a programme parameter, or none. */
    target: z.union([z.number().finite().min(-1e9).max(1e9), IntegerRef, z.null()]).default(null),
    direction: z.enum(DIRECTIONS).nullable().default(null),
    compute: Source,
  })
  .superRefine((d, ctx) => {
    const c = d.compute;
    const issue = (path: Array<string | number>, message: string) =>
      ctx.addIssue({ code: "custom", path: ["compute", ...path], message });
    const allowed: Record<Source["source"], Kind[]> = {
      enrolments: ["ratio", "count", "median"],
      site_target: ["count"],
      groups: ["count"],
      professionals: ["count"],
      professionals_ratio: ["ratio"],
      offers: ["ratio"],
    };
    if (!allowed[c.source].includes(d.kind)) {
      ctx.addIssue({
        code: "custom",
        path: ["kind"],
        message: `a ${c.source} indicator is ${allowed[c.source].join(" or ")}, not ${d.kind}`,
      });
      return;
    }
    if (c.source !== "enrolments") return;
    if (d.kind === "ratio") {
      if (!c.numerator) issue(["numerator"], "a ratio needs a numerator condition");
      if (c.measure) issue(["measure"], "a ratio counts enrolments: no measure");
    }
    if (d.kind === "median") {
      if (!c.measure) issue(["measure"], "a median needs a measure (records counted per enrolment)");
      if (c.numerator) issue(["numerator"], "a median has no numerator: restrict the population instead");
    }
  });
export type IndicatorDefinition = z.infer<typeof IndicatorDefinition>;
/** A definition as written (defaults not yet filled in). */
export type IndicatorDefinitionInput = z.input<typeof IndicatorDefinition>;

export interface DefinitionIssue {
  /** Dotted path inside the definition, e.g. `compute.numerator.records.window.toDay`. */
  path: string;
  rule: string;
  params?: IssueParams;
  message: string;
}

export type Validation =
  | { ok: true; definition: IndicatorDefinition }
  | { ok: false; issues: DefinitionIssue[] };

/** Deeper nesting than this is refused before parsing (conditions are recursive). */
export const MAX_DEPTH = 24;

function depth(value: unknown, level = 0): number {
  if (level > MAX_DEPTH) return level;
  if (value === null || typeof value !== "object") return level;
  let max = level;
  for (const v of Object.values(value as Record<string, unknown>)) max = Math.max(max, depth(v, level + 1));
  return max;
}

/**
 * Validate a definition; on failure, every problem with the dotted path of its field. Unknown
 * fields, wrong kinds for a source, missing numerators and inverted ranges are all refused.
 */
export function validate(input: unknown): Validation {
  if (depth(input) > MAX_DEPTH) {
    return {
      ok: false,
      issues: [{ path: "", rule: "too_deep", message: `nested deeper than ${MAX_DEPTH}` }],
    };
  }
  const parsed = IndicatorDefinition.safeParse(input);
  if (parsed.success) return { ok: true, definition: parsed.data };
  const issues: DefinitionIssue[] = [];
  for (const issue of parsed.error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        issues.push({
          path: [...issue.path.map(String), key].join("."),
          rule: issue.code,
          message: `unknown field "${key}"`,
        });
      }
    } else {
      // The rule code, params and an English message of the one translation layer, not zod's text.
      const path = issue.path.map(String);
      const { rule, params, message } = zodIssue(
        "",
        path,
        issue.code,
        issue as unknown as Record<string, unknown>,
        issue.message,
        input,
      );
      issues.push({ path: path.join("."), rule, message, ...(params ? { params } : {}) });
    }
  }
  return { ok: false, issues };
}

/** Validate a set: each definition, and ids unique across the set. */
export function validateSet(inputs: unknown[]): Validation[] {
  const seen = new Set<string>();
  return inputs.map((input, i) => {
    const v = validate(input);
    if (!v.ok) return v;
    if (seen.has(v.definition.id)) {
      return {
        ok: false,
        issues: [{ path: `${i}.id`, rule: "unique", message: `id "${v.definition.id}" is used twice` }],
      };
    }
    seen.add(v.definition.id);
    return v;
  });
}

/** Every intervention type a definition names (to check them against the practice's taxonomy). */
export function interventionTypesOf(d: IndicatorDefinition): Array<{ path: string; type: string }> {
  const out: Array<{ path: string; type: string }> = [];
  const fromRecords = (r: RecordSet | undefined, path: string) => {
    if (r?.from === "interventions" && r.types) {
      r.types.forEach((type, i) => {
        out.push({ path: `${path}.types.${i}`, type });
      });
    }
  };
  const walk = (c: Condition | undefined, path: string) => {
    if (!c) return;
    if (c.type === "all" || c.type === "any") {
      c.of.forEach((x, i) => {
        walk(x, `${path}.of.${i}`);
      });
    } else if (c.type === "not") walk(c.condition, `${path}.condition`);
    else if (c.type === "records") fromRecords(c.records, `${path}.records`);
  };
  const s = d.compute;
  if (s.source === "enrolments") {
    walk(s.population.where, "compute.population.where");
    walk(s.numerator, "compute.numerator");
    fromRecords(s.measure, "compute.measure");
  } else if (s.source === "site_target") {
    walk(s.population.where, "compute.population.where");
  }
  return out;
}
