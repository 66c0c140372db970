import { PARAMETER_DEFAULTS } from "../../../shared/programme-defaults.ts";
import { PHASES } from "../../../shared/vocabulary.ts";
import { ApiError } from "../../app/api.ts";
import type { Programme, ProgrammeBody, ProgrammeUpdate } from "../../app/types.ts";

export type Phase = (typeof PHASES)[number];
export { PHASES };

/** A number field as the user left it: a number, or "" when empty. */
export type NumberValue = number | string;

export interface AgeBandRow {
  label: string;
  min: NumberValue;
  max: NumberValue;
}

/** An indicator a target can be set on, as the form needs it (built-ins and the programme's own). */
export interface IndicatorChoice {
  id: string;
  label: string;
  kind: "ratio" | "count" | "median";
  direction: "higher_is_better" | "lower_is_better" | null;
  builtIn: boolean;
}

/** One target as the form holds it. */
export interface TargetRow {
  /** Stable while the row lives (the server's index changes as rows are removed). */
  key: string;
  indicatorId: string | null;
  /** "" = the whole programme, else a site id. */
  siteId: string;
  /** As typed: a percentage for a ratio (80 = 80 %), the number itself otherwise. */
  value: NumberValue;
  direction: "higher_is_better" | "lower_is_better";
}

let rowCounter = 0;
/** A new target row's key. */
export const newTargetKey = () => `t${++rowCounter}`;

export interface ProgrammeFormValues {
  code: string;
  name: string;
  regionId: string | null;
  practiceId: string | null;
  /** The version of the practice the programme follows (changed only when editing; null when creating). */
  practiceVersion: string | null;
  /** One row per phase; a phase without a start date is not part of the programme. */
  phases: Record<Phase, { startDate: string | null; endDate: string | null }>;
  /** The programme's sites, each with its own enrolment target ("" = the programme's default). */
  sites: Array<{ siteId: number; targetEnrolment: NumberValue }>;
  parameters: {
    targetEnrolmentPerSite: NumberValue;
    ageMin: NumberValue;
    ageMax: NumberValue;
    targetDiagnoses: string[];
    intensiveThreshold: NumberValue;
    earlyWindowDays: NumberValue;
    newToServiceDays: NumberValue;
    breakdownAgeBands: AgeBandRow[];
  };
  /** Targets on indicators (ratios typed as percentages). */
  targets: TargetRow[];
}

/** The defaults of INDICATORS.md, the ones the server's schema applies (shared/programme-defaults.ts). */
export const DEFAULT_PARAMETERS = PARAMETER_DEFAULTS;

const emptyPhases = (): ProgrammeFormValues["phases"] => ({
  pre_implementation: { startDate: null, endDate: null },
  implementation: { startDate: null, endDate: null },
  sustainability: { startDate: null, endDate: null },
});

function parametersToForm(p: typeof DEFAULT_PARAMETERS): ProgrammeFormValues["parameters"] {
  return {
    targetEnrolmentPerSite: p.targetEnrolmentPerSite,
    ageMin: p.ageBand.min,
    ageMax: p.ageBand.max,
    targetDiagnoses: [...p.targetDiagnoses],
    intensiveThreshold: p.intensiveThreshold,
    earlyWindowDays: p.earlyWindowDays,
    newToServiceDays: p.newToServiceDays,
    breakdownAgeBands: p.breakdownAgeBands.map((b) => ({
      label: b.label,
      min: b.min ?? "",
      max: b.max ?? "",
    })),
  };
}

export function emptyProgramme(regionId: number | null): ProgrammeFormValues {
  return {
    code: "",
    name: "",
    regionId: regionId === null ? null : String(regionId),
    practiceId: null,
    practiceVersion: null,
    phases: emptyPhases(),
    sites: [],
    parameters: parametersToForm(DEFAULT_PARAMETERS),
    targets: [],
  };
}

/** Ratios travel as fractions (0.8) and are typed as percentages (80). */
const isRatio = (indicators: readonly IndicatorChoice[], id: string | null) =>
  indicators.find((i) => i.id === id)?.kind === "ratio";
/** 0.07 × 100 is 7.000000000000001 in floating point: keep what a person typed. */
const percent = (fraction: number) => Math.round(fraction * 100 * 1e6) / 1e6;

export function programmeToForm(
  p: Programme,
  indicators: readonly IndicatorChoice[] = [],
): ProgrammeFormValues {
  const phases = emptyPhases();
  for (const ph of p.phases) phases[ph.phase] = { startDate: ph.startDate, endDate: ph.endDate };
  return {
    code: p.code,
    name: p.name,
    regionId: String(p.regionId),
    practiceId: String(p.practice.id),
    practiceVersion: String(p.practice.version),
    phases,
    sites: p.sites.map((s) => ({ siteId: s.siteId, targetEnrolment: s.targetEnrolment ?? "" })),
    parameters: parametersToForm(p.parameters),
    targets: p.targets.map((t) => ({
      key: newTargetKey(),
      indicatorId: t.indicatorId,
      siteId: t.siteId === null ? "" : String(t.siteId),
      value: isRatio(indicators, t.indicatorId) ? percent(t.value) : t.value,
      direction: t.direction,
    })),
  };
}

/** The targets sent: ratios back to fractions; an empty value goes as null, for the server to name. */
export function targetsToBody(v: ProgrammeFormValues, indicators: readonly IndicatorChoice[]) {
  return v.targets.map((t) => {
    const n = t.value === "" ? null : Number(t.value);
    return {
      indicatorId: t.indicatorId ?? "",
      siteId: t.siteId === "" ? null : Number(t.siteId),
      value: (n === null ? null : isRatio(indicators, t.indicatorId) ? n / 100 : n) as number,
      direction: t.direction,
    };
  });
}

/** Required numbers: "" goes as null so that the server names the empty field. */
const num = (v: NumberValue): number => (v === "" ? (null as unknown as number) : Number(v));
const optionalNum = (v: NumberValue): number | null => (v === "" ? null : Number(v));

/** The phases sent, in order: only those with a start date (or an end date, to be told what is missing). */
export function sentPhases(v: ProgrammeFormValues): Phase[] {
  return PHASES.filter((ph) => v.phases[ph].startDate || v.phases[ph].endDate);
}

function parts(v: ProgrammeFormValues) {
  const p = v.parameters;
  return {
    parameters: {
      targetEnrolmentPerSite: num(p.targetEnrolmentPerSite),
      ageBand: { min: num(p.ageMin), max: num(p.ageMax) },
      targetDiagnoses: p.targetDiagnoses,
      intensiveThreshold: num(p.intensiveThreshold),
      earlyWindowDays: num(p.earlyWindowDays),
      newToServiceDays: num(p.newToServiceDays),
      breakdownAgeBands: p.breakdownAgeBands.map((b) => ({
        label: b.label,
        min: optionalNum(b.min),
        max: optionalNum(b.max),
      })),
    },
    phases: sentPhases(v).map((phase) => ({
      phase,
      startDate: v.phases[phase].startDate ?? "",
      endDate: v.phases[phase].endDate,
    })),
    sites: v.sites.map((s) => ({ siteId: s.siteId, targetEnrolment: optionalNum(s.targetEnrolment) })),
  };
}

export function formToCreateBody(
  v: ProgrammeFormValues,
  indicators: readonly IndicatorChoice[] = [],
): ProgrammeBody {
  return {
    code: v.code,
    name: v.name,
    regionId: v.regionId ? Number(v.regionId) : (null as unknown as number),
    practiceId: v.practiceId ? Number(v.practiceId) : (null as unknown as number),
    ...parts(v),
    targets: targetsToBody(v, indicators),
  };
}

/**
 * The PATCH body: everything the form shows, against the version read (`base.version`); the
 * practice version only when the user chose another one.
 */
export function formToUpdateBody(
  v: ProgrammeFormValues,
  base: Pick<Programme, "version" | "practice">,
  indicators: readonly IndicatorChoice[] = [],
): ProgrammeUpdate {
  const practiceVersion =
    v.practiceVersion !== null && Number(v.practiceVersion) !== base.practice.version
      ? Number(v.practiceVersion)
      : undefined;
  return {
    baseVersion: base.version,
    name: v.name,
    ...(practiceVersion !== undefined ? { practiceVersion } : {}),
    ...parts(v),
    targets: targetsToBody(v, indicators),
  };
}

/**
 * The server names phases and sites by their index in the array sent; the form names them by
 * phase and by site id. Rewrite `body.phases.1.startDate` to `body.phases.implementation.startDate`,
 * `body.sites.0.targetEnrolment` to `body.sites.site-12.targetEnrolment`, `body.targets.2.value`
 * to `body.targets.t7.value` (the row's key), and the age-band fields.
 */
export function toFormIssues(err: unknown, v: ProgrammeFormValues): unknown {
  if (!(err instanceof ApiError)) return err;
  const phases = sentPhases(v);
  const issues = err.issues.map((i) => {
    let field = i.field
      .replace(/^body\.parameters\.ageBand\.min$/, "body.parameters.ageMin")
      .replace(/^body\.parameters\.ageBand\.max$/, "body.parameters.ageMax")
      .replace(/^body\.parameters\.ageBand$/, "body.parameters.ageMin");
    field = field.replace(/^body\.phases\.(\d+)/, (m, n: string) =>
      phases[Number(n)] ? `body.phases.${phases[Number(n)]}` : m,
    );
    field = field.replace(/^body\.sites\.(\d+)/, (m, n: string) => {
      const site = v.sites[Number(n)];
      return site ? `body.sites.site-${site.siteId}` : m;
    });
    field = field.replace(/^body\.targets\.(\d+)/, (m, n: string) => {
      const row = v.targets[Number(n)];
      return row ? `body.targets.${row.key}` : m;
    });
    return { ...i, field };
  });
  return new ApiError(err.status, err.code, err.message, issues);
}

const SHOWN = [
  /^(code|name|regionId|practiceId|practiceVersion|phases|sites)$/,
  /^parameters\.(targetEnrolmentPerSite|ageMin|ageMax|targetDiagnoses|intensiveThreshold|earlyWindowDays|newToServiceDays|breakdownAgeBands)$/,
  /^parameters\.targetDiagnoses\.\d+$/,
  /^parameters\.breakdownAgeBands\.\d+\.(label|min|max)$/,
  /^phases\.(pre_implementation|implementation|sustainability)(\.(startDate|endDate))?$/,
  /^sites\.site-\d+(\.\w+)?$/,
  /^targets$/,
  /^targets\.t\d+\.(indicatorId|siteId|value|direction)$/,
];
export const isShownProgrammeField = (path: string) => SHOWN.some((re) => re.test(path));
