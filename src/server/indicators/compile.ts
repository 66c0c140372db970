import { type RawBuilder, sql } from "kysely";
import type {
  Condition,
  IndicatorDefinition,
  IntegerRef,
  NumberParam,
  Population,
  ProfessionalFilter,
  RecordSet,
  Window,
} from "./definition.ts";

/**
 * Definitions → one set-based SQL query. For a programme and one or more reference dates R it
 * computes every indicator of the set for every group (site, area, sex, …) and for the whole
 * programme together, in one statement:
 *
 *   rs      the reference dates (one for a dashboard, one per month for a series)
 *   psites  the programme's sites: registered ones ∪ sites with any enrolment in it
 *   e       the enrolments with enrolment_date ≤ R, one row per (R, enrolment), with the
 *           enrolment's care end min(end_date, R), its patient's fields and its group key
 *   iv/asm/pl  per (R, enrolment): how many of the patient's interventions / assessments /
 *           plans fall in each record set's window — one join on patient_id per table, one
 *           `count(*) filter (…)` column per record set (attribution: a record counts for every
 *           enrolment of its patient whose window holds its date, at that enrolment's site)
 *   lpN     per (R, enrolment): the latest plan of a window (greatest created_date, then
 *           greatest plan code in byte order)
 *   pe      e with those per-enrolment numbers
 *   agg     GROUPING SETS ((R, key), (R)): each group's and the programme's numerators,
 *           denominators and medians (percentile_cont(0.5))
 *   grp / prof / tgtN   groups, professionals and sites-at-target, by site then summed
 * and the final SELECT gives one row per (R, group) for every group of the universe (every
 * site, even without patients) plus one programme row per R.
 */

export const DIMENSIONS = [
  "site",
  "area",
  "sex",
  "age_band",
  "enrolment_month",
  "enrolment_quarter",
  "enrolment_year",
] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** The programme parameters the engine reads (INDICATORS.md), resolved with their defaults. */
export interface IndicatorParameters {
  targetEnrolmentPerSite: number;
  ageBand: { min: number; max: number };
  targetDiagnoses: string[];
  intensiveThreshold: number;
  earlyWindowDays: number;
  newToServiceDays: number;
  breakdownAgeBands: Array<{ label: string; min: number | null; max: number | null }>;
}

export interface ProgrammeInputs {
  programmeId: number;
  parameters: IndicatorParameters;
  /** Intervention types that are psychosocial for the programme's practice. */
  psychosocialTypes: string[];
}

/** One computed value, before it becomes a record. `size` is the number of enrolments behind it. */
export interface Cell {
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  /** Enrolments the value is taken over (null for groups, professionals and sites at target). */
  size: number | null;
  /** A median's values, ascending (only when compiled with `medianValues`: groups merge exactly). */
  values?: number[];
}

/** The key of a group that has no value for the dimension (a site without an area, an age outside every band). */
export const NO_KEY = "~none";

export interface GroupCells {
  key: string;
  cells: Cell[];
}
export interface AsOfCells {
  asOf: string;
  groups: GroupCells[];
  total: Cell[];
}

export interface CompiledQuery {
  query: RawBuilder<OutRow>;
  decode(rows: OutRow[]): AsOfCells[];
  /**
   * Where the per-enrolment record counts come from: the maintained facts (each enrolment's row
   * of indicator_enrolment_facts while it is exact at R, its records otherwise), or the records.
   */
  source: "facts" | "records";
}

/**
 * The per-enrolment columns of indicator_enrolment_facts (migration 0008) that hold a record set's
 * count (keyed by the record set's canonical form), and the plan keys that give a window's latest
 * plan (keyed by the window's canonical form). See facts/record-sets.ts.
 */
export interface FactColumns {
  records: ReadonlyMap<string, string>;
  latestPlans: ReadonlyMap<string, string>;
}

/**
 * Facts for a computation: their columns, and the enrolments (per reference date) whose facts row
 * is not exact at that date — a record dated after it, or no row — counted from their records.
 */
export interface FactsSource extends FactColumns {
  exceptions: ReadonlyArray<{ r: string; eid: number }>;
}

export type OutRow = { r: string; k: string | null; total: boolean } & Record<string, unknown>;

export class CompileError extends Error {
  constructor(
    message: string,
    readonly index: number,
  ) {
    super(message);
  }
}

type Sql = RawBuilder<unknown>;

const SEX_CODES = ["F", "M", "X", "U"];

export function resolveInt(ref: IntegerRef, p: IndicatorParameters): number {
  if (typeof ref === "number") return ref;
  return ref.times * paramValue(ref.param, p) + ref.plus;
}

function paramValue(name: NumberParam, p: IndicatorParameters): number {
  switch (name) {
    case "targetEnrolmentPerSite":
      return p.targetEnrolmentPerSite;
    case "intensiveThreshold":
      return p.intensiveThreshold;
    case "earlyWindowDays":
      return p.earlyWindowDays;
    case "newToServiceDays":
      return p.newToServiceDays;
    case "ageBand.min":
      return p.ageBand.min;
    case "ageBand.max":
      return p.ageBand.max;
  }
}

/** JSON with sorted keys: equal record sets share one column; also used for cache keys. */
export function canonical(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  const obj = value as Record<string, unknown>;
  return `{${Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonical(obj[k])}`)
    .join(",")}}`;
}

const int = (n: number) => sql.lit(Math.trunc(n));
const textArray = (values: readonly string[]) => sql`${[...values]}::text[]`;
const and = (parts: Sql[]): Sql => (parts.length === 0 ? sql`true` : sql`(${sql.join(parts, sql` and `)})`);
const or = (parts: Sql[]): Sql => (parts.length === 0 ? sql`false` : sql`(${sql.join(parts, sql` or `)})`);

interface RecordColumn {
  alias: string;
  set: RecordSet;
}

/** Collects the record sets and latest-plan windows the definitions use, deduplicated. */
class Needs {
  records = new Map<string, RecordColumn>();
  latest = new Map<string, { alias: string; window: Window }>();
  constructor(readonly p: IndicatorParameters) {}

  recordColumn(set: RecordSet): string {
    const key = canonical(set);
    let col = this.records.get(key);
    if (!col) {
      const prefix = set.from === "interventions" ? "iv" : set.from === "assessments" ? "asm" : "pl";
      col = { alias: `${prefix}_m${this.records.size}`, set };
      this.records.set(key, col);
    }
    return col.alias;
  }

  latestPlan(window: Window): string {
    const key = canonical(window);
    let lp = this.latest.get(key);
    if (!lp) {
      lp = { alias: `lp${this.latest.size}`, window };
      this.latest.set(key, lp);
    }
    return lp.alias;
  }
}

const FIELD_SQL: Record<string, Sql> = {
  first_contact_date: sql`pe.first_contact_date`,
  residence_area: sql`pe.residence_area`,
  end_date: sql`pe.end_date`,
  end_reason: sql`pe.end_reason`,
  primary_diagnosis: sql`pe.primary_diagnosis`,
  secondary_diagnosis: sql`pe.secondary_diagnosis`,
  case_manager_code: sql`pe.case_manager_code`,
  case_manager_profile: sql`pe.case_manager_profile`,
  sex: sql`pe.sex`,
  site_code: sql`pe.site_code`,
  area_code: sql`pe.area_code`,
  age_at_enrolment: sql`pe.age`,
  birth_year: sql`pe.birth_year`,
  enrolment_date: sql`pe.enrolment_date`,
};
const field = (name: string): Sql => {
  const f = FIELD_SQL[name];
  if (!f) throw new Error(`no SQL for field ${name}`);
  return f;
};

/** A condition as a boolean over `pe` that is never NULL (empty fields never match). */
function condition(c: Condition, needs: Needs): Sql {
  const p = needs.p;
  switch (c.type) {
    case "all":
      return and(c.of.map((x) => condition(x, needs)));
    case "any":
      return or(c.of.map((x) => condition(x, needs)));
    case "not":
      return sql`(not ${condition(c.condition, needs)})`;
    case "records": {
      const col = sql.raw(`pe.${needs.recordColumn(c.records)}`);
      const parts = [sql`${col} >= ${int(resolveInt(c.atLeast, p))}`];
      if (c.atMost !== undefined) parts.push(sql`${col} <= ${int(resolveInt(c.atMost, p))}`);
      return and(parts);
    }
    case "latest_plan": {
      const alias = needs.latestPlan(c.window);
      return sql`coalesce(${sql.raw(`pe.${alias}_${c.flag}`)} = ${sql.lit(c.value)}, false)`;
    }
    case "present":
      return sql`(${field(c.field)} is not null)`;
    case "in":
      return sql`coalesce(${field(c.field)} = any(${textArray(c.values)}), false)`;
    case "prefix": {
      const prefixes = Array.isArray(c.prefixes) ? c.prefixes : p.targetDiagnoses;
      if (prefixes.length === 0) return sql`false`;
      const f = field(c.field);
      return sql`coalesce(${or(prefixes.map((x) => sql`starts_with(${f}, ${x}::text)`))}, false)`;
    }
    case "range": {
      const f = field(c.field);
      const parts: Sql[] = [];
      if (c.min !== undefined) parts.push(sql`${f} >= ${int(resolveInt(c.min, p))}`);
      if (c.max !== undefined) parts.push(sql`${f} <= ${int(resolveInt(c.max, p))}`);
      return sql`coalesce(${and(parts)}, false)`;
    }
    case "date": {
      const base =
        c.ref === "as_of"
          ? sql`pe.r`
          : c.ref === "enrolment_date"
            ? sql`pe.enrolment_date`
            : sql`${c.ref.date}::date`;
      const offset = resolveInt(c.offsetDays, p);
      const ref = offset === 0 ? base : sql`(${base} + ${int(offset)})`;
      return sql`coalesce(${field(c.field)} ${sql.raw(c.op)} ${ref}, false)`;
    }
  }
}

/** Membership of the population, as a boolean over `pe`. */
function population(pop: Population, needs: Needs): Sql {
  const observed = resolveInt(pop.observedDays, needs.p);
  const parts: Sql[] = [];
  if (observed !== 0) parts.push(sql`pe.enrolment_date <= pe.r - ${int(observed)}`);
  if (pop.where) parts.push(condition(pop.where, needs));
  return and(parts);
}

/** `column` is one of `values` (false for an empty column); one value compares directly. */
const anyOf = (column: Sql, values: readonly string[]) =>
  values.length === 1
    ? sql`coalesce(${column} = ${values[0]!}::text, false)`
    : sql`coalesce(${column} = any(${textArray(values)}), false)`;

/**
 * The record tables, as branches of one stream `x` (UNION ALL): `k` tells them apart, `d` is the
 * record's date (a plan's created_date), `lo` the first day relative to enrolment any record set
 * of the branch looks at (the join skips older records).
 */
const BRANCHES = {
  interventions: { k: 1, table: "interventions", date: "date" },
  assessments: { k: 2, table: "assessments", date: "date" },
  plans: { k: 3, table: "treatment_plans", date: "created_date" },
} as const;
type Branch = keyof typeof BRANCHES;

/** Columns a branch may offer the filters, with their SQL type (NULL in the other branches). */
const STREAM_COLUMNS: Record<string, { branch: Branch; type: "text" | "boolean"; expr?: string }> = {
  type: { branch: "interventions", type: "text" },
  recipient: { branch: "interventions", type: "text" },
  setting: { branch: "interventions", type: "text" },
  professional_profile: { branch: "interventions", type: "text" },
  module: { branch: "interventions", type: "text" },
  instrument: { branch: "assessments", type: "text" },
  respondent: { branch: "assessments", type: "text" },
  timepoint: { branch: "assessments", type: "text" },
  signed_by_patient: { branch: "plans", type: "boolean" },
  shared_with_social_services: { branch: "plans", type: "boolean" },
  shared_with_work_inclusion: { branch: "plans", type: "boolean" },
  integrated_actions_started: { branch: "plans", type: "boolean" },
  shared_with_patient: { branch: "plans", type: "boolean", expr: "(shared_with_patient_date is not null)" },
  /**
   * A plan's sort key and flags in one string: created_date, code, \x01, five 0/1 flags. Its
   * maximum under COLLATE "C" is the latest plan (greatest date, then greatest code byte by
   * byte — the separator sorts below every code character), and max() aggregates in parallel.
   */
  plan_key: {
    branch: "plans",
    type: "text",
    expr: `to_char(created_date, 'YYYYMMDD') || code || chr(1)
      || (case when signed_by_patient then '1' else '0' end)
      || (case when shared_with_social_services then '1' else '0' end)
      || (case when shared_with_work_inclusion then '1' else '0' end)
      || (case when integrated_actions_started then '1' else '0' end)
      || (case when shared_with_patient_date is not null then '1' else '0' end)`,
  },
};

/** The flags of `plan_key`, in their order in the string. */
const PLAN_KEY_FLAGS = [
  "signed_by_patient",
  "shared_with_social_services",
  "shared_with_work_inclusion",
  "integrated_actions_started",
  "shared_with_patient",
] as const;

const branchOf = (set: RecordSet): Branch => set.from;

/**
 * The conditions of a window on `x` for the enrolment `e`: from, to (days relative to the
 * enrolment date) and the care end. `x.d ≤ R` is a join condition, so "≤ min(end_date, R)" is
 * "end_date is null or ≤ end_date"; a from-day at the branch's `lo` is guaranteed by the join.
 */
function windowConditions(w: Window, p: IndicatorParameters, lo: number | null): Sql[] {
  const parts: Sql[] = [];
  if (w.fromDay !== null) {
    const from = resolveInt(w.fromDay, p);
    if (lo === null || from > lo) parts.push(sql`x.d >= e.enrolment_date + ${int(from)}`);
  }
  if (w.toDay !== null) parts.push(sql`x.d <= e.enrolment_date + ${int(resolveInt(w.toDay, p))}`);
  if (w.until === "care_end") parts.push(sql`(e.end_date is null or x.d <= e.end_date)`);
  return parts;
}

/**
 * A record set's filter over `x` and `e`, written for the planner: the branch first, then the
 * record's own fields (most rows stop at the type), then the window. Records the columns used.
 */
function recordFilter(set: RecordSet, inputs: ProgrammeInputs, lo: number | null, used: Set<string>): Sql {
  const parts: Sql[] = [sql`x.k = ${int(BRANCHES[set.from].k)}`];
  const col = (name: string) => {
    used.add(name);
    return sql.ref(`x.${name}`);
  };
  const eq = (name: string, values: readonly string[], nullable = false) => {
    if (nullable) return anyOf(col(name), values);
    return values.length === 1
      ? sql`${col(name)} = ${values[0]!}::text`
      : sql`${col(name)} = any(${textArray(values)})`;
  };
  switch (set.from) {
    case "interventions":
      if (set.types) parts.push(eq("type", set.types));
      if (set.recipients) parts.push(eq("recipient", set.recipients));
      if (set.settings) parts.push(eq("setting", set.settings));
      if (set.professionalProfiles) parts.push(eq("professional_profile", set.professionalProfiles, true));
      if (set.modules) parts.push(eq("module", set.modules, true));
      if (set.psychosocial === true) parts.push(eq("type", inputs.psychosocialTypes));
      if (set.psychosocial === false) parts.push(sql`not ${eq("type", inputs.psychosocialTypes)}`);
      break;
    case "assessments":
      if (set.instruments) parts.push(eq("instrument", set.instruments));
      if (set.respondents) parts.push(eq("respondent", set.respondents));
      if (set.timepoints) parts.push(eq("timepoint", set.timepoints, true));
      break;
    case "plans":
      for (const [flag, value] of Object.entries(set.flags ?? {})) {
        if (value === undefined) continue;
        parts.push(value ? col(flag) : sql`not ${col(flag)}`);
      }
      break;
  }
  parts.push(...windowConditions(set.window, inputs.parameters, lo));
  return and(parts);
}

/** The smallest from-day of some windows (null: one of them is unbounded). */
function lowestFromDay(windows: Window[], p: IndicatorParameters): number | null {
  let min = Number.POSITIVE_INFINITY;
  for (const w of windows) {
    if (w.fromDay === null) return null;
    min = Math.min(min, resolveInt(w.fromDay, p));
  }
  return min;
}

/**
 * `rec`: per (R, enrolment), how many of the patient's records fall in each record set and the
 * key of the latest plan of each window — from ONE join of the enrolments with the stream of
 * interventions, assessments and plans, aggregated once. No materialized CTE is read, so
 * PostgreSQL may scan, join and partially aggregate in parallel. Returns null when no
 * definition looks at records.
 */
function recordsCte(needs: Needs, inputs: ProgrammeInputs, facts?: FactColumns | FactsSource): Sql | null {
  const p = inputs.parameters;
  const sets = [...needs.records.values()];
  const latest = [...needs.latest.values()];
  if (sets.length === 0 && latest.length === 0) return null;
  const windows = new Map<Branch, Window[]>();
  for (const c of sets) windows.set(branchOf(c.set), [...(windows.get(branchOf(c.set)) ?? []), c.set.window]);
  if (latest.length) windows.set("plans", [...(windows.get("plans") ?? []), ...latest.map((l) => l.window)]);
  const lows = new Map<Branch, number | null>([...windows].map(([b, ws]) => [b, lowestFromDay(ws, p)]));
  const used = new Set<string>();
  const columns = sets.map(
    (c) =>
      sql`count(*) filter (where ${recordFilter(c.set, inputs, lows.get(branchOf(c.set)) ?? null, used)}) as ${sql.raw(c.alias)}`,
  );
  if (latest.length) used.add("plan_key");
  for (const l of latest) {
    const window = and([
      sql`x.k = ${int(BRANCHES.plans.k)}`,
      ...windowConditions(l.window, p, lows.get("plans") ?? null),
    ]);
    columns.push(sql`max((case when ${window} then x.plan_key end) collate "C") as ${sql.raw(l.alias)}`);
  }
  const streamColumns = [...used].sort();
  const branches = [...windows.keys()].map((b) => {
    const meta = BRANCHES[b];
    const lo = lows.get(b) ?? null;
    const cols = streamColumns.map((name) => {
      const c = STREAM_COLUMNS[name]!;
      if (c.branch !== b) return sql`null::${sql.raw(c.type)} as ${sql.raw(name)}`;
      return sql`${sql.raw(c.expr ?? name)} as ${sql.raw(name)}`;
    });
    return sql`select ${int(meta.k)} as k, patient_id, ${sql.raw(meta.date)} as d,
      ${int(lo ?? -1_000_000)} as lo${cols.length ? sql`, ${sql.join(cols, sql`, `)}` : sql``}
      from ${sql.table(meta.table)}`;
  });
  const fromRecords = (where: Sql) => sql`
    select e.r, e.eid, ${sql.join(columns, sql`, `)}
    from eb e
    join (${sql.join(branches, sql` union all `)}) x
      on x.patient_id = e.patient_id and x.d <= e.r and x.d >= e.enrolment_date + x.lo
    ${where}
    group by e.r, e.eid`;
  if (!facts) return sql`rec as (${fromRecords(sql``)})`;
  // From the facts: an enrolment's row is exact at R when none of its counted records is dated
  // after R (horizon ≤ R). The exceptions, found beforehand — none for today unless records are
  // dated in the future — are counted from their records, as without facts.
  const factColumns = [
    ...sets.map((c) => sql`${sql.ref(`f.${facts.records.get(canonical(c.set))!}`)} as ${sql.raw(c.alias)}`),
    ...latest.map((l) => {
      const keys = sql.ref(`f.${facts.latestPlans.get(canonical(l.window))!}`);
      return sql`${keys}[cardinality(${keys})] as ${sql.raw(l.alias)}`;
    }),
  ];
  const exceptions = "exceptions" in facts ? facts.exceptions : [];
  const fromFacts = sql`
    select e.r, e.eid, ${sql.join(factColumns, sql`, `)}
    from eb e join indicator_enrolment_facts f on f.enrolment_id = e.eid
    where (f.horizon is null or f.horizon <= e.r)`;
  if (exceptions.length === 0) return sql`rec as (${fromFacts})`;
  const pairs = sql`(select * from unnest(${exceptions.map((x) => x.r)}::date[], ${exceptions.map((x) => x.eid)}::int[]) as x(r, eid))`;
  return sql`rec as (
    ${fromFacts} and (e.r, e.eid) not in ${pairs}
    union all
    ${fromRecords(sql`where (e.r, e.eid) in ${pairs}`)}
  )`;
}

function professionalFilter(f: ProfessionalFilter): Sql {
  const parts: Sql[] = [];
  if (f.inImplementationTeam !== undefined)
    parts.push(sql`pr.in_implementation_team = ${sql.lit(f.inImplementationTeam)}`);
  if (f.trained !== undefined) parts.push(sql`pr.trained = ${sql.lit(f.trained)}`);
  if (f.teamCoordinator !== undefined) parts.push(sql`pr.team_coordinator = ${sql.lit(f.teamCoordinator)}`);
  if (f.profiles) parts.push(anyOf(sql`pr.profile`, f.profiles));
  return and(parts);
}

/** The group key of an enrolment, over `e`'s own columns (site, area, patient, dates). */
function enrolmentKey(by: Dimension, p: IndicatorParameters): Sql {
  switch (by) {
    case "site":
      return sql`ps.site_code`;
    case "area":
      return sql`coalesce(ps.area_code, ${NO_KEY}::text)`;
    case "sex":
      return sql`pa.sex`;
    case "age_band": {
      const age = sql`(extract(year from en.enrolment_date)::int - pa.birth_year)`;
      if (p.breakdownAgeBands.length === 0) return sql`${NO_KEY}::text`;
      const whens = p.breakdownAgeBands.map((b) => {
        const parts: Sql[] = [];
        if (b.min !== null) parts.push(sql`${age} >= ${int(b.min)}`);
        if (b.max !== null) parts.push(sql`${age} <= ${int(b.max)}`);
        return sql`when ${and(parts)} then ${b.label}::text`;
      });
      return sql`(case ${sql.join(whens, sql` `)} else ${NO_KEY}::text end)`;
    }
    case "enrolment_month":
      return sql`to_char(en.enrolment_date, 'YYYY-MM')`;
    case "enrolment_quarter":
      return sql`to_char(en.enrolment_date, 'YYYY-"Q"Q')`;
    case "enrolment_year":
      return sql`to_char(en.enrolment_date, 'YYYY')`;
  }
}

/**
 * Sites' key for site-level sources (groups, professionals, targets): only by site or area. The
 * "no area" key is a literal, not a parameter: the expression appears in GROUP BY GROUPING SETS
 * and in grouping(), which PostgreSQL matches textually — two parameters ($1, $2) would differ.
 */
function siteKey(by: Dimension): Sql | null {
  if (by === "site") return sql`ps.site_code`;
  if (by === "area") return sql`coalesce(ps.area_code, ${sql.lit(NO_KEY)})`;
  return null;
}

/** Dimensions that sources other than enrolments can be broken down by. */
export const SITE_LEVEL_DIMENSIONS: readonly Dimension[] = ["site", "area"];

export function supportsDimension(d: IndicatorDefinition, by: Dimension): boolean {
  return d.compute.source === "enrolments" || SITE_LEVEL_DIMENSIONS.includes(by);
}

interface Plan {
  /** Columns of agg / grp / prof, and how the final select reads them. */
  aggColumns: Sql[];
  grpColumns: Sql[];
  profColumns: Sql[];
  /** Per (R, site) counts of patients enrolled / declined in a window, for `offers` definitions. */
  offColumns: Sql[];
  offNames: string[];
  tgtCtes: Sql[];
  /** Definitions whose value comes from their own sites-at-target CTE `tgt{j}`. */
  tgtIndices: number[];
  /** For each definition: the final-select expressions for a group row and the programme row. */
  select: Array<(from: "group" | "total") => Sql[]>;
  decode: Array<(row: OutRow) => Cell>;
}

const num0 = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));
const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

/**
 * Compile a set of validated definitions for one programme, reference dates and dimension.
 * Throws CompileError for a definition that cannot be broken down by `by`.
 */
export function compile(
  defs: IndicatorDefinition[],
  inputs: ProgrammeInputs,
  options: {
    asOf: string[];
    by?: Dimension;
    facts?: FactColumns | FactsSource;
    /** Only the enrolments at these sites (a per-site recomputation; other groups come out empty). */
    sites?: readonly number[];
    /** Also give each median's values, so that medians of several groups can be merged exactly. */
    medianValues?: boolean;
  },
): CompiledQuery {
  const by = options.by ?? "site";
  const p = inputs.parameters;
  const pid = inputs.programmeId;
  if (options.asOf.length === 0) throw new Error("at least one reference date");
  const needs = new Needs(p);
  const plan: Plan = {
    aggColumns: [],
    grpColumns: [],
    profColumns: [],
    offColumns: [],
    offNames: [],
    tgtCtes: [],
    tgtIndices: [],
    select: [],
    decode: [],
  };

  defs.forEach((d, j) => {
    if (!supportsDimension(d, by)) {
      throw new CompileError(`${d.id} is computed per site: it can be broken down by site or area only`, j);
    }
    const c = d.compute;
    const col = (suffix: string) => sql.raw(`c${j}_${suffix}`);
    const name = (suffix: string) => `c${j}_${suffix}`;
    const fromAlias = (src: string) => (suffix: string) => sql.raw(`${src}.c${j}_${suffix}`);
    switch (c.source) {
      case "enrolments": {
        const pop = population(c.population, needs);
        const numer = c.numerator ? condition(c.numerator, needs) : null;
        const a = fromAlias("a");
        plan.aggColumns.push(sql`count(*) filter (where ${pop}) as ${col("s")}`);
        if (d.kind === "ratio") {
          plan.aggColumns.push(sql`count(*) filter (where ${pop} and ${numer!}) as ${col("n")}`);
          plan.select.push(() => [
            sql`coalesce(${a("n")}, 0) as ${col("n")}`,
            sql`coalesce(${a("s")}, 0) as ${col("s")}`,
          ]);
          plan.decode.push((row) =>
            ratioCell(num0(row[name("n")]), num0(row[name("s")]), num0(row[name("s")])),
          );
        } else if (d.kind === "count") {
          const where = numer ? sql`${pop} and ${numer}` : pop;
          if (c.measure) {
            const m = sql.raw(`pe.${needs.recordColumn(c.measure)}`);
            plan.aggColumns.push(sql`coalesce(sum(${m}) filter (where ${where}), 0) as ${col("n")}`);
          } else {
            plan.aggColumns.push(sql`count(*) filter (where ${where}) as ${col("n")}`);
          }
          plan.select.push(() => [
            sql`coalesce(${a("n")}, 0) as ${col("n")}`,
            sql`coalesce(${a("s")}, 0) as ${col("s")}`,
          ]);
          plan.decode.push((row) => countCell(num0(row[name("n")]), num0(row[name("s")])));
        } else {
          const m = sql.raw(`pe.${needs.recordColumn(c.measure!)}`);
          plan.aggColumns.push(
            sql`percentile_cont(0.5) within group (order by ${m}) filter (where ${pop}) as ${col("v")}`,
          );
          if (options.medianValues) {
            plan.aggColumns.push(
              sql`array_agg(${m}::int order by ${m}) filter (where ${pop}) as ${col("a")}`,
            );
          }
          plan.select.push(() => [
            sql`${a("v")} as ${col("v")}`,
            sql`coalesce(${a("s")}, 0) as ${col("s")}`,
            ...(options.medianValues ? [sql`${a("a")} as ${col("a")}`] : []),
          ]);
          plan.decode.push((row) => ({
            numerator: null,
            denominator: null,
            value: numOrNull(row[name("v")]),
            size: num0(row[name("s")]),
            ...(options.medianValues
              ? { values: ((row[name("a")] as number[] | null) ?? []).map(Number) }
              : {}),
          }));
        }
        return;
      }
      case "site_target": {
        const alias = `tgt${j}`;
        const key = siteKey(by)!;
        const pop = population(c.population, needs);
        plan.tgtIndices.push(j);
        if (by === "site") {
          // Per site, the population is counted in `agg` with everything else (so `pe` is read
          // once and need not be materialized); a site row is 1 when it reaches the site's
          // target, the programme row counts those sites.
          plan.aggColumns.push(sql`count(*) filter (where ${pop}) as ${col("s")}`);
          const met = (a: string) => sql`coalesce(${sql.raw(`${a}.c${j}_s`)}, 0) >= ps.target`;
          plan.tgtCtes.push(sql`${sql.raw(alias)} as (
            select rs.r, ps.site_code as k, 0 as total, case when ${met("a")} then 1 else 0 end as n
            from rs cross join psites ps
            left join agg a on a.r = rs.r and a.k = ps.site_code and a.total = 0
            union all
            select rs.r, null, 1, count(*) filter (where ${met("a")})
            from rs cross join psites ps
            left join agg a on a.r = rs.r and a.k = ps.site_code and a.total = 0
            group by rs.r
          )`);
          plan.select.push(() => [sql`coalesce(${sql.raw(`${alias}.n`)}, 0) as ${col("n")}`]);
          plan.decode.push((row) => countCell(num0(row[name("n")]), null));
          return;
        }
        plan.tgtCtes.push(sql`${sql.raw(alias)} as (
          select rs.r, ${key} as k, grouping(${key}) as total,
            sum(case when coalesce(sc.c, 0) >= ps.target then 1 else 0 end) as n
          from rs cross join psites ps
          left join (select pe.r, pe.site_id, count(*) filter (where ${pop}) as c from pe group by pe.r, pe.site_id) sc
            on sc.r = rs.r and sc.site_id = ps.site_id
          group by grouping sets ((rs.r, ${key}), (rs.r))
        )`);
        plan.select.push(() => [sql`coalesce(${sql.raw(`${alias}.n`)}, 0) as ${col("n")}`]);
        plan.decode.push((row) => countCell(num0(row[name("n")]), null));
        return;
      }
      case "groups": {
        const parts = [anyOf(sql`g.kind`, c.kinds), sql`g.start_date <= rs.r`];
        if (c.activeOnly) parts.push(sql`(g.end_date is null or g.end_date >= rs.r)`);
        plan.grpColumns.push(sql`count(*) filter (where ${and(parts)}) as ${col("n")}`);
        plan.select.push(() => [sql`coalesce(${fromAlias("g")("n")}, 0) as ${col("n")}`]);
        plan.decode.push((row) => countCell(num0(row[name("n")]), null));
        return;
      }
      case "professionals": {
        plan.profColumns.push(sql`count(*) filter (where ${professionalFilter(c.where)}) as ${col("n")}`);
        plan.select.push(() => [sql`coalesce(${fromAlias("pf")("n")}, 0) as ${col("n")}`]);
        plan.decode.push((row) => countCell(num0(row[name("n")]), null));
        return;
      }
      case "professionals_ratio": {
        const den = professionalFilter(c.denominator);
        const numer = professionalFilter(c.numerator);
        plan.profColumns.push(sql`count(*) filter (where ${den}) as ${col("d")}`);
        plan.profColumns.push(sql`count(*) filter (where ${den} and ${numer}) as ${col("n")}`);
        plan.select.push(() => [
          sql`coalesce(${fromAlias("pf")("n")}, 0) as ${col("n")}`,
          sql`coalesce(${fromAlias("pf")("d")}, 0) as ${col("d")}`,
        ]);
        plan.decode.push((row) => ratioCell(num0(row[name("n")]), num0(row[name("d")]), null));
        return;
      }
      case "offers": {
        // In the window (R − W, R]: patients enrolled at the site, and patients who declined there
        // and whose latest enrolment in the programme up to R (any site) is before the window.
        const w = int(c.windowDays);
        plan.offColumns.push(
          sql`count(distinct ox.patient_id) filter (where ox.enrolled and ox.d > ox.r - ${w}) as ${col("n")}`,
        );
        plan.offColumns.push(
          sql`count(distinct ox.patient_id) filter (where not ox.enrolled and ox.d > ox.r - ${w}
            and (ox.last_enrolled is null or ox.last_enrolled <= ox.r - ${w})) as ${col("x")}`,
        );
        plan.offNames.push(name("n"), name("x"));
        plan.select.push(() => [
          sql`coalesce(${fromAlias("o")("n")}, 0) as ${col("n")}`,
          sql`coalesce(${fromAlias("o")("x")}, 0) as ${col("x")}`,
        ]);
        plan.decode.push((row) => {
          const n = num0(row[name("n")]);
          return ratioCell(n, n + num0(row[name("x")]), null);
        });
        return;
      }
    }
  });

  const facts = options.facts && coveredBy(needs, options.facts) ? options.facts : undefined;
  const query = assemble(plan, needs, inputs, pid, [...new Set(options.asOf)], by, facts, options.sites);

  return {
    query,
    source: facts ? "facts" : "records",
    decode(rows) {
      const byR = new Map<string, AsOfCells>();
      for (const r of options.asOf) byR.set(r, { asOf: r, groups: [], total: [] });
      for (const row of rows) {
        const target = byR.get(row.r);
        if (!target) continue;
        const cells = plan.decode.map((f) => f(row));
        if (row.total) target.total = cells;
        else target.groups.push({ key: row.k ?? NO_KEY, cells });
      }
      for (const v of byR.values()) v.groups.sort((a, b) => compareKeys(by, p, a.key, b.key));
      return [...byR.values()];
    },
  };
}

function ratioCell(n: number, d: number, size: number | null): Cell {
  return { numerator: n, denominator: d, value: d === 0 ? null : n / d, size };
}
function countCell(n: number, size: number | null): Cell {
  return { numerator: n, denominator: null, value: n, size };
}

/** Byte order of UTF-8 strings (codes are compared "byte by byte"). */
export function byteCompare(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b, "utf8"));
}

/** Group order: codes in byte order; sex F, M, X, U; age bands as configured; "none" last. */
export function compareKeys(by: Dimension, p: IndicatorParameters, a: string, b: string): number {
  if (a === b) return 0;
  if (a === NO_KEY) return 1;
  if (b === NO_KEY) return -1;
  if (by === "sex") return rank(SEX_CODES, a) - rank(SEX_CODES, b) || byteCompare(a, b);
  if (by === "age_band") {
    const labels = p.breakdownAgeBands.map((x) => x.label);
    return rank(labels, a) - rank(labels, b) || byteCompare(a, b);
  }
  return byteCompare(a, b);
}
const rank = (list: string[], v: string) => {
  const i = list.indexOf(v);
  return i === -1 ? list.length : i;
};

/** The keys every breakdown shows even when empty, beyond those found in the data. */
function universe(by: Dimension, p: IndicatorParameters): string[] {
  if (by === "sex") return SEX_CODES;
  if (by === "age_band") return p.breakdownAgeBands.map((b) => b.label);
  return [];
}

/** Whether every record set and latest-plan window the definitions use has a facts column. */
function coveredBy(needs: Needs, facts: FactColumns): boolean {
  return (
    [...needs.records.keys()].every((k) => facts.records.has(k)) &&
    [...needs.latest.keys()].every((k) => facts.latestPlans.has(k))
  );
}

function assemble(
  plan: Plan,
  needs: Needs,
  inputs: ProgrammeInputs,
  pid: number,
  asOf: string[],
  by: Dimension,
  facts: FactColumns | FactsSource | undefined,
  sites: readonly number[] | undefined,
): RawBuilder<OutRow> {
  const p = inputs.parameters;
  const ctes: Sql[] = [];
  ctes.push(sql`rs as (select r from unnest(${asOf}::date[]) as u(r))`);
  ctes.push(sql`psites as (
    select s.id as site_id, s.code as site_code, ar.code as area_code,
      coalesce(ps.target_enrolment, ${int(p.targetEnrolmentPerSite)}) as target
    from sites s
    left join areas ar on ar.id = s.area_id
    left join programme_sites ps on ps.programme_id = ${pid} and ps.site_id = s.id
    where exists (select 1 from programme_sites x where x.programme_id = ${pid} and x.site_id = s.id)
      or exists (select 1 from enrolments x where x.programme_id = ${pid} and x.site_id = s.id)
  )`);
  const onlySites = sites ? sql` and en.site_id = any(${[...sites]}::int[])` : sql``;
  // The enrolments of E, from base tables only and inlined where used: the big joins over
  // interventions stay free of materialized CTEs, so PostgreSQL may run them in parallel.
  // One R is written as a constant, so that the planner estimates enrolment_date ≤ R well.
  ctes.push(
    asOf.length === 1
      ? sql`eb as not materialized (
    select ${asOf[0]!}::date as r, en.id as eid, en.patient_id, en.site_id, en.enrolment_date, en.end_date,
      en.end_reason, en.primary_diagnosis, en.secondary_diagnosis, en.case_manager_code, en.case_manager_profile,
      least(coalesce(en.end_date, ${asOf[0]!}::date), ${asOf[0]!}::date) as care_end
    from enrolments en
    where en.programme_id = ${pid} and en.enrolment_date <= ${asOf[0]!}::date${onlySites}
  )`
      : sql`eb as not materialized (
    select u.r, en.id as eid, en.patient_id, en.site_id, en.enrolment_date, en.end_date,
      en.end_reason, en.primary_diagnosis, en.secondary_diagnosis, en.case_manager_code, en.case_manager_profile,
      least(coalesce(en.end_date, u.r), u.r) as care_end
    from unnest(${asOf}::date[]) as u(r)
    join enrolments en on en.programme_id = ${pid} and en.enrolment_date <= u.r${onlySites}
  )`,
  );
  ctes.push(sql`e as (
    select en.r, en.eid, en.patient_id, en.site_id, ps.site_code, ps.area_code,
      en.enrolment_date, en.end_date, en.end_reason, en.primary_diagnosis, en.secondary_diagnosis,
      en.case_manager_code, en.case_manager_profile,
      pa.sex, pa.birth_year, pa.first_contact_date, pa.residence_area,
      (extract(year from en.enrolment_date)::int - pa.birth_year) as age,
      en.care_end,
      ${enrolmentKey(by, p)} as k
    from eb en
    join patients pa on pa.id = en.patient_id
    join psites ps on ps.site_id = en.site_id
  )`);
  const rec = recordsCte(needs, inputs, facts);
  const peColumns: Sql[] = [sql`e.*`];
  const peJoins: Sql[] = [];
  if (rec) {
    ctes.push(rec);
    for (const c of needs.records.values()) {
      peColumns.push(sql`coalesce(${sql.raw(`rec.${c.alias}`)}, 0) as ${sql.raw(c.alias)}`);
    }
    for (const lp of needs.latest.values()) {
      PLAN_KEY_FLAGS.forEach((flag, i) => {
        peColumns.push(
          sql`(substr(right(${sql.raw(`rec.${lp.alias}`)}, ${int(PLAN_KEY_FLAGS.length)}), ${int(i + 1)}, 1) = '1') as ${sql.raw(`${lp.alias}_${flag}`)}`,
        );
      });
    }
    peJoins.push(sql`left join rec on rec.r = e.r and rec.eid = e.eid`);
  }
  ctes.push(sql`pe as (select ${sql.join(peColumns, sql`, `)} from e ${sql.join(peJoins, sql` `)})`);

  const hasAgg = plan.aggColumns.length > 0;
  if (hasAgg) {
    ctes.push(sql`agg as (
      select pe.r, pe.k, grouping(pe.k) as total, ${sql.join(plan.aggColumns, sql`, `)}
      from pe group by grouping sets ((pe.r, pe.k), (pe.r))
    )`);
  }
  const key = siteKey(by);
  const hasGrp = plan.grpColumns.length > 0;
  if (hasGrp && key) {
    ctes.push(sql`grp as (
      select rs.r, ${key} as k, grouping(${key}) as total, ${sql.join(plan.grpColumns, sql`, `)}
      from rs cross join groups g join psites ps on ps.site_id = g.site_id
      where g.programme_id is null or g.programme_id = ${pid}
      group by grouping sets ((rs.r, ${key}), (rs.r))
    )`);
  }
  const hasProf = plan.profColumns.length > 0;
  if (hasProf && key) {
    ctes.push(sql`prof as (
      select ${key} as k, grouping(${key}) as total, ${sql.join(plan.profColumns, sql`, `)}
      from professionals pr join psites ps on ps.site_id = pr.site_id
      group by grouping sets ((${key}), ())
    )`);
  }
  const hasOff = plan.offColumns.length > 0;
  if (hasOff && key) {
    const offerSites = sites ? sql` and o.site_id = any(${[...sites]}::int[])` : sql``;
    // One row per enrolment and per declined offer up to R; the windows are the columns' filters.
    // Counted per site first (each patient once per site), then summed by area and programme.
    ctes.push(sql`ox as (
      select rs.r, en.site_id, en.patient_id, true as enrolled, en.enrolment_date as d, null::date as last_enrolled
      from rs join enrolments en on en.programme_id = ${pid} and en.enrolment_date <= rs.r${onlySites}
      union all
      select rs.r, o.site_id, o.patient_id, false, o.offer_date,
        (select max(x.enrolment_date) from enrolments x
          where x.programme_id = ${pid} and x.patient_id = o.patient_id and x.enrolment_date <= rs.r)
      from rs join declined_offers o on o.programme_id = ${pid} and o.offer_date <= rs.r${offerSites}
    )`);
    ctes.push(sql`offs as (
      select ox.r, ox.site_id, ${sql.join(plan.offColumns, sql`, `)} from ox group by ox.r, ox.site_id
    )`);
    const sums = plan.offNames.map((n) => sql`sum(${sql.raw(`offs.${n}`)}) as ${sql.raw(n)}`);
    ctes.push(sql`off as (
      select offs.r, ${key} as k, grouping(${key}) as total, ${sql.join(sums, sql`, `)}
      from offs join psites ps on ps.site_id = offs.site_id
      group by grouping sets ((offs.r, ${key}), (offs.r))
    )`);
  }
  ctes.push(...plan.tgtCtes);
  if (by === "site") {
    ctes.push(sql`keys as (select site_code as k from psites)`);
  } else if (by === "area") {
    ctes.push(sql`keys as (select distinct coalesce(area_code, ${NO_KEY}::text) as k from psites)`);
  } else {
    ctes.push(sql`keys as (select k from e union select unnest(${universe(by, p)}::text[]))`);
  }

  const joins = (from: "group" | "total"): Sql[] => {
    const out: Sql[] = [];
    const on = (alias: string, withR = true) => {
      const a = sql.raw(alias);
      const r = withR ? [sql`${a}.r = rs.r`] : [];
      return from === "group"
        ? and([...r, sql`${a}.k = kk.k`, sql`${a}.total = 0`])
        : and([...r, sql`${a}.total = 1`]);
    };
    if (hasAgg) out.push(sql`left join agg a on ${on("a")}`);
    if (hasGrp) out.push(sql`left join grp g on ${on("g")}`);
    if (hasProf) out.push(sql`left join prof pf on ${on("pf", false)}`);
    if (hasOff) out.push(sql`left join off o on ${on("o")}`);
    for (const j of plan.tgtIndices) out.push(sql`left join ${sql.raw(`tgt${j}`)} on ${on(`tgt${j}`)}`);
    return out;
  };

  const columns = (from: "group" | "total") => plan.select.flatMap((f) => f(from));
  const groupSelect = sql`select rs.r::text as r, kk.k as k, false as total, ${sql.join(columns("group"), sql`, `)}
    from rs cross join keys kk ${sql.join(joins("group"), sql` `)}`;
  const totalSelect = sql`select rs.r::text as r, null::text as k, true as total, ${sql.join(columns("total"), sql`, `)}
    from rs ${sql.join(joins("total"), sql` `)}`;
  return sql<OutRow>`with ${sql.join(ctes, sql`, `)} ${groupSelect} union all ${totalSelect}`;
}
