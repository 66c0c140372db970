import { createHash } from "node:crypto";
import { type CompiledQuery, sql } from "kysely";
import { z } from "zod";
import type { Db } from "../infra/db/database.ts";
import type { Executor } from "../infra/db/executor.ts";
import { BASE_TAXONOMY } from "../practices/public.ts";
import { ProgrammeParameters } from "../programmes/public.ts";
import { CATALOGUE, CATALOGUE_IDS } from "./catalogue.ts";
import {
  type AsOfCells,
  byteCompare,
  type Cell,
  type CompiledQuery as CompiledIndicators,
  canonical,
  compareKeys,
  compile,
  type Dimension,
  type IndicatorParameters,
  type OutRow,
  type ProgrammeInputs,
} from "./compile.ts";
import {
  type DefinitionIssue,
  type IndicatorDefinition,
  interventionTypesOf,
  validate,
} from "./definition.ts";
import { cellsFromFacts, type FactsDimension, readableFromFacts } from "./facts/catalogue.ts";
import { factsBuilt, readEnrolmentExceptions } from "./facts/read.ts";
import { factColumnsOf } from "./facts/record-sets.ts";
import { siteCachedCells } from "./site-cache.ts";
import type { Direction, ExplicitTarget } from "./targets.ts";

/** The catalogue, validated once: a broken built-in is a programming error, caught by the tests. */
export const BUILT_IN: readonly IndicatorDefinition[] = CATALOGUE.map((input) => {
  const v = validate(input);
  if (!v.ok) throw new Error(`catalogue: ${JSON.stringify(v.issues)}`);
  return v.definition;
});

export interface ProgrammeSiteInfo {
  id: number;
  code: string;
  name: string;
  areaCode: string | null;
  areaName: string | null;
  /** Registered to the programme (false: only has enrolments in it). */
  registered: boolean;
  /** The site's own enrolment target in the programme (null: the programme's default). */
  targetEnrolment: number | null;
}

export interface ProgrammeContext {
  id: number;
  code: string;
  name: string;
  inputs: ProgrammeInputs;
  /** Intervention types the programme's practice knows (base taxonomy and its own). */
  knownTypes: Set<string>;
  /** Registered sites ∪ sites with an enrolment in the programme, in code byte order. */
  sites: ProgrammeSiteInfo[];
  /** Site ids of `sites`: who works there may read the programme's indicators. */
  siteIds: number[];
  /** Implementation phase start, if the programme has one (default start of a series). */
  implementationStart: string | null;
  /** The targets set for the programme's indicators (indicator_targets; resolved in targets.ts). */
  targets: ExplicitTarget[];
}

const PracticeTypes = z.object({
  interventionTypes: z.array(z.object({ code: z.string(), psychosocial: z.boolean() })).default([]),
});

/** Psychosocial types: base taxonomy flags, then the practice's own types (which win on a clash). */
export function psychosocialOf(practiceDefinition: unknown): { psychosocial: string[]; known: Set<string> } {
  const flags = new Map<string, boolean>(BASE_TAXONOMY.map((t) => [t.code, t.psychosocial]));
  const parsed = PracticeTypes.safeParse(practiceDefinition ?? {});
  if (parsed.success) for (const t of parsed.data.interventionTypes) flags.set(t.code, t.psychosocial);
  const psychosocial = [...flags].filter(([, v]) => v).map(([k]) => k);
  return { psychosocial: psychosocial.sort(byteCompare), known: new Set(flags.keys()) };
}

export async function findProgrammeId(db: Executor, code: string): Promise<number | undefined> {
  const row = await db.selectFrom("programmes").select("id").where("code", "=", code).executeTakeFirst();
  return row?.id;
}

/** Everything about a programme the engine needs: three queries. */
export async function loadProgrammeContext(db: Executor, id: number): Promise<ProgrammeContext | undefined> {
  const [programme, sites, targets] = await Promise.all([
    db
      .selectFrom("programmes as p")
      .leftJoin("practice_versions as pv", (j) =>
        j.onRef("pv.practice_id", "=", "p.practice_id").onRef("pv.version", "=", "p.practice_version"),
      )
      .select((eb) => [
        "p.id",
        "p.code",
        "p.name",
        "p.parameters",
        "pv.definition",
        eb
          .selectFrom("programme_phases as ph")
          .select("ph.start_date")
          .whereRef("ph.programme_id", "=", "p.id")
          .where("ph.phase", "=", "implementation")
          .limit(1)
          .as("implementation_start"),
      ])
      .where("p.id", "=", id)
      .executeTakeFirst(),
    db
      .selectFrom("sites as s")
      .leftJoin("areas as a", "a.id", "s.area_id")
      .select((eb) => [
        "s.id",
        "s.code",
        "s.name",
        "a.code as area_code",
        "a.name as area_name",
        eb
          .exists(
            eb
              .selectFrom("programme_sites as ps")
              .select(sql`1`.as("one"))
              .whereRef("ps.site_id", "=", "s.id")
              .where("ps.programme_id", "=", id),
          )
          .as("registered"),
        eb
          .selectFrom("programme_sites as ps")
          .select("ps.target_enrolment")
          .whereRef("ps.site_id", "=", "s.id")
          .where("ps.programme_id", "=", id)
          .as("target_enrolment"),
      ])
      .where((eb) =>
        eb.or([
          eb("s.id", "in", eb.selectFrom("programme_sites").select("site_id").where("programme_id", "=", id)),
          eb("s.id", "in", eb.selectFrom("enrolments").select("site_id").where("programme_id", "=", id)),
        ]),
      )
      .execute(),
    db
      .selectFrom("indicator_targets")
      .select(["indicator_id", "site_id", "value", "direction"])
      .where("programme_id", "=", id)
      .orderBy("indicator_id")
      .orderBy("site_id", (o) => o.nullsFirst())
      .execute(),
  ]);
  if (!programme) return undefined;
  const parameters = ProgrammeParameters.parse(programme.parameters ?? {}) as IndicatorParameters;
  const { psychosocial, known } = psychosocialOf(programme.definition);
  const siteInfos = sites
    .map((s) => ({
      id: s.id,
      code: s.code,
      name: s.name,
      areaCode: s.area_code,
      areaName: s.area_name,
      registered: Boolean(s.registered),
      targetEnrolment: s.target_enrolment ?? null,
    }))
    .sort((a, b) => byteCompare(a.code, b.code));
  return {
    id: programme.id,
    code: programme.code,
    name: programme.name,
    inputs: { programmeId: programme.id, parameters, psychosocialTypes: psychosocial },
    knownTypes: known,
    sites: siteInfos,
    siteIds: siteInfos.map((s) => s.id),
    implementationStart: programme.implementation_start ?? null,
    targets: targets.map((t) => ({
      indicatorId: t.indicator_id,
      siteId: t.site_id,
      value: Number(t.value),
      direction: t.direction as Direction,
    })),
  };
}

/**
 * The programme's current data_version, or undefined for an unknown programme: one small query,
 * the first of every indicators request (everything memoized is keyed by it).
 */
export async function programmeVersion(db: Executor, id: number): Promise<number | undefined> {
  // Every programme gets its row when it is created (and loses it when deleted): one lookup.
  const row = await db
    .selectFrom("indicator_data_versions")
    .select("version")
    .where("programme_id", "=", id)
    .executeTakeFirst();
  if (row) return Number(row.version);
  // A programme created before migration 0004 has no row until its first change.
  const programme = await db.selectFrom("programmes").select("id").where("id", "=", id).executeTakeFirst();
  return programme ? 0 : undefined;
}

export interface StoredDefinition {
  definition: IndicatorDefinition;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** A programme's own definitions, oldest first. Rows that no longer validate are skipped. */
export async function loadUserDefinitions(db: Executor, programmeId: number): Promise<StoredDefinition[]> {
  const rows = await db
    .selectFrom("indicator_definitions")
    .select(["definition", "version", "created_at", "updated_at"])
    .where("programme_id", "=", programmeId)
    .orderBy("id")
    .execute();
  const out: StoredDefinition[] = [];
  for (const r of rows) {
    const v = validate(r.definition);
    if (!v.ok) continue;
    out.push({
      definition: v.definition,
      version: r.version,
      createdAt: new Date(r.created_at).toISOString(),
      updatedAt: new Date(r.updated_at).toISOString(),
    });
  }
  return out;
}

/** Built-ins in catalogue order, then the programme's own. */
export async function allDefinitions(db: Executor, programmeId: number): Promise<IndicatorDefinition[]> {
  const own = await loadUserDefinitions(db, programmeId);
  return [...BUILT_IN, ...own.map((d) => d.definition)];
}

/**
 * Checks of a user definition against its programme: its id must not be a built-in's, and the
 * intervention types it names must be known to the programme's practice.
 */
export function checkAgainstProgramme(d: IndicatorDefinition, ctx: ProgrammeContext): DefinitionIssue[] {
  const issues: DefinitionIssue[] = [];
  if (CATALOGUE_IDS.includes(d.id)) {
    issues.push({ path: "id", rule: "reserved", message: `"${d.id}" is a built-in indicator` });
  }
  for (const t of interventionTypesOf(d)) {
    if (!ctx.knownTypes.has(t.type)) {
      issues.push({
        path: t.path,
        rule: "unknown_type",
        message: `"${t.type}" is not an intervention type of the programme's practice`,
      });
    }
  }
  return issues;
}

/** Bump when the shape of cached results changes: old entries are then never read. */
const CACHE_FORMAT = 1;

/**
 * Run a compiled query through the shared cache. The key is the hash of the query's SQL and
 * parameters (so it covers the definitions, the programme's parameters and taxonomy, the
 * reference dates and the dimension); an entry is valid while its data_version is the
 * programme's current one. The version is read before the data: a result can only be newer than
 * its version, never older, so a stale entry is never trusted.
 */
export async function runCached(
  db: Db,
  programmeId: number,
  compiled: CompiledIndicators,
): Promise<AsOfCells[]> {
  const query = compiled.query.compile(db);
  const key = createHash("sha256")
    .update(canonical([CACHE_FORMAT, query.sql, query.parameters]))
    .digest("hex");
  const lookup = await sql<{ version: number; result: AsOfCells[] | null }>`
    select v.version, c.result
    from (select coalesce((select version from indicator_data_versions where programme_id = ${programmeId}), 0) as version) v
    left join indicator_cache c
      on c.programme_id = ${programmeId} and c.cache_key = ${key} and c.data_version = v.version`.execute(db);
  const hit = lookup.rows[0];
  if (hit?.result) return hit.result;
  const version = Number(hit?.version ?? 0);
  const result = compiled.decode(await executeCompiled(db, query));
  try {
    await db.transaction().execute(async (trx) => {
      await trx
        .deleteFrom("indicator_cache")
        .where("programme_id", "=", programmeId)
        .where("data_version", "<", version)
        .execute();
      await trx
        .insertInto("indicator_cache")
        .values({
          programme_id: programmeId,
          cache_key: key,
          as_of: compiledAsOf(result),
          data_version: version,
          result: JSON.stringify(result),
        })
        .onConflict((oc) =>
          oc
            .columns(["programme_id", "cache_key"])
            .doUpdateSet((eb) => ({
              data_version: eb.ref("excluded.data_version"),
              result: eb.ref("excluded.result"),
              as_of: eb.ref("excluded.as_of"),
              computed_at: sql<Date>`now()`,
            }))
            .where("indicator_cache.data_version", "<=", version),
        )
        .execute();
    });
  } catch {
    /* a cache write that fails (a programme deleted meanwhile, a lost race) only costs a recomputation */
  }
  return result;
}

/** Work memory for the one indicator query: its hash joins and aggregates stay in memory. */
export const QUERY_WORK_MEM = "128MB";

/**
 * Run a compiled indicator query. JIT is off for it: the statement has hundreds of expressions,
 * and compiling them costs seconds more than it saves (measured: 9.9 s of JIT on a 2.6 s query).
 */
export async function executeCompiled(db: Db, query: CompiledQuery<OutRow>): Promise<OutRow[]> {
  return db.transaction().execute(async (trx) => {
    await sql`set local jit = off`.execute(trx);
    await sql.raw(`set local work_mem = '${QUERY_WORK_MEM}'`).execute(trx);
    return (await trx.executeQuery(query)).rows;
  });
}

const compiledAsOf = (result: AsOfCells[]) => (result.length === 1 ? result[0]!.asOf : null);

/** The facts columns of the catalogue's record sets (facts/record-sets.ts). */
export const FACT_COLUMNS = factColumnsOf(BUILT_IN);

/** Above this share of exceptional enrolments, per-enrolment facts give way to the records. */
const EXCEPTIONS_LIMIT = 0.2;

/** How a set of definitions is computed: from which source, and in which order. */
export interface ComputePlan {
  /** Built-ins read from the per-site facts (by site or area). */
  siteFacts: IndicatorDefinition[];
  /** Read from the per-enrolment facts by the compiled query (any dimension). */
  enrolmentFacts: IndicatorDefinition[];
  /** Recomputed from the records by the compiled query (record sets the facts do not count). */
  recomputed: IndicatorDefinition[];
}

/** Whether one definition's record sets are all counted by the per-enrolment facts. */
export function liveFromFacts(d: IndicatorDefinition, inputs: ProgrammeInputs): boolean {
  return compile([d], inputs, { asOf: ["2000-01-01"], facts: FACT_COLUMNS }).source === "facts";
}

export function planCompute(
  defs: readonly IndicatorDefinition[],
  inputs: ProgrammeInputs,
  by: Dimension,
  factsReady: boolean,
): ComputePlan {
  const plan: ComputePlan = { siteFacts: [], enrolmentFacts: [], recomputed: [] };
  for (const d of defs) {
    if (!factsReady) plan.recomputed.push(d);
    else if ((by === "site" || by === "area") && readableFromFacts([d], BUILT_IN)) plan.siteFacts.push(d);
    else if (liveFromFacts(d, inputs)) plan.enrolmentFacts.push(d);
    else plan.recomputed.push(d);
  }
  return plan;
}

/**
 * Compute definitions for one programme; results for each reference date, groups and programme.
 * Built-ins by site or area come from the per-site facts (a sum over days ≤ R); other dimensions
 * and user-defined indicators whose record sets the facts count, from the per-enrolment facts;
 * the rest is recomputed from the records (and cached). Each part is computed once and the cells
 * are put back in the definitions' order.
 */
export async function computeCells(
  db: Db,
  ctx: ProgrammeContext,
  defs: IndicatorDefinition[],
  requested: { asOf: string[]; by?: Dimension; fresh?: boolean },
): Promise<AsOfCells[]> {
  // One result per distinct date, in the order first asked: every part answers the same list.
  const options = { ...requested, asOf: [...new Set(requested.asOf)] };
  if (defs.length === 0) {
    return options.asOf.map((asOf) => ({ asOf, groups: [], total: [] }));
  }
  const by = options.by ?? "site";
  const plan = planCompute(defs, ctx.inputs, by, await factsBuilt(db, ctx.id));
  const parts: Array<{ defs: IndicatorDefinition[]; cells: Promise<AsOfCells[]> }> = [];
  if (plan.siteFacts.length) {
    parts.push({
      defs: plan.siteFacts,
      // Groups and professionals (small tables, no per-patient dates) come from the compiled query.
      cells: cellsFromFacts(
        db,
        ctx,
        plan.siteFacts,
        { asOf: options.asOf, by: by as FactsDimension, fresh: options.fresh },
        (siteLevel) => recomputeCells(db, ctx, siteLevel, { asOf: options.asOf, by }),
      ),
    });
  }
  if (plan.enrolmentFacts.length) {
    parts.push({
      defs: plan.enrolmentFacts,
      cells: readEnrolmentExceptions(db, ctx.id, options.asOf).then(async ({ exceptions, enrolments }) => {
        // Far in the past most enrolments have records after R: counting them all from their
        // records is then cheaper than excepting them one by one (measured: docs/indicators.md).
        if (exceptions.length > EXCEPTIONS_LIMIT * Math.max(enrolments, 1) * options.asOf.length) {
          return runCached(db, ctx.id, compile(plan.enrolmentFacts, ctx.inputs, options));
        }
        const compiled = compile(plan.enrolmentFacts, ctx.inputs, {
          ...options,
          facts: { ...FACT_COLUMNS, exceptions },
        });
        return compiled.decode(await executeCompiled(db, compiled.query.compile(db)));
      }),
    });
  }
  if (plan.recomputed.length) {
    parts.push({
      defs: plan.recomputed,
      cells:
        by === "site" || by === "area"
          ? siteCachedCells(db, ctx, plan.recomputed, { asOf: options.asOf, by }, async (compiled) =>
              compiled.decode(await executeCompiled(db, compiled.query.compile(db))),
            )
          : runCached(db, ctx.id, compile(plan.recomputed, ctx.inputs, options)),
    });
  }
  const results = await Promise.all(parts.map((x) => x.cells));
  if (parts.length === 1) return results[0]!;
  return mergeCells(
    defs,
    parts.map((x, i) => ({ defs: x.defs, cells: results[i]! })),
    by,
    ctx.inputs.parameters,
  );
}

/** Cells of several computations over parts of `defs`, back in `defs`' order, groups by key. */
function mergeCells(
  defs: IndicatorDefinition[],
  parts: Array<{ defs: IndicatorDefinition[]; cells: AsOfCells[] }>,
  by: Dimension,
  p: IndicatorParameters,
): AsOfCells[] {
  const asOfs = parts[0]!.cells.map((c) => c.asOf);
  return asOfs.map((asOf, i) => {
    const keys = new Set<string>();
    for (const part of parts) for (const g of part.cells[i]!.groups) keys.add(g.key);
    const cellOf = (d: IndicatorDefinition, key: string | null): Cell => {
      for (const part of parts) {
        const j = part.defs.indexOf(d);
        if (j === -1) continue;
        const at = part.cells[i]!;
        const cells = key === null ? at.total : at.groups.find((g) => g.key === key)?.cells;
        if (cells) return cells[j]!;
        return EMPTY[d.kind];
      }
      throw new Error(`no part computes ${d.id}`);
    };
    return {
      asOf,
      groups: [...keys]
        .sort((a, b) => compareKeys(by, p, a, b))
        .map((key) => ({ key, cells: defs.map((d) => cellOf(d, key)) })),
      total: defs.map((d) => cellOf(d, null)),
    };
  });
}

/** A group that one computation found and another did not: nobody in it. */
const EMPTY: Record<IndicatorDefinition["kind"], Cell> = {
  ratio: { numerator: 0, denominator: 0, value: null, size: 0 },
  count: { numerator: 0, denominator: null, value: 0, size: 0 },
  median: { numerator: null, denominator: null, value: null, size: 0 },
};

/** The same values recomputed from the registry by the compiled definitions, bypassing facts and cache. */
export async function recomputeCells(
  db: Db,
  ctx: ProgrammeContext,
  defs: IndicatorDefinition[],
  requested: { asOf: string[]; by?: Dimension },
): Promise<AsOfCells[]> {
  const options = { ...requested, asOf: [...new Set(requested.asOf)] };
  if (defs.length === 0) return options.asOf.map((asOf) => ({ asOf, groups: [], total: [] }));
  const compiled = compile(defs, ctx.inputs, options);
  return compiled.decode(await executeCompiled(db, compiled.query.compile(db)));
}

/** One value of the result contract (INDICATORS.md). */
export interface IndicatorRecord {
  id: string;
  site: string | null;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
}

export type SizedRecord = IndicatorRecord & { size: number | null };

/** Records in contract order: definitions in order; within one, sites (code byte order), then site null. */
export function recordsOf(defs: IndicatorDefinition[], cells: AsOfCells): SizedRecord[] {
  const out: SizedRecord[] = [];
  defs.forEach((d, j) => {
    for (const g of cells.groups) out.push(record(d.id, g.key, g.cells[j]!));
    out.push(record(d.id, null, cells.total[j]!));
  });
  return out;
}

const record = (id: string, site: string | null, c: Cell): SizedRecord => ({
  id,
  site,
  numerator: c.numerator,
  denominator: c.denominator,
  value: c.value,
  size: c.size,
});

/** The contract's fields only, in the contract's key order. */
export const contractRecord = (r: IndicatorRecord): IndicatorRecord => ({
  id: r.id,
  site: r.site,
  numerator: r.numerator,
  denominator: r.denominator,
  value: r.value,
});

/** The catalogue (and, when asked, the programme's own indicators) for one programme and R. */
export async function computeProgrammeIndicators(
  db: Db,
  programmeId: number,
  asOf: string,
  options: { withUserDefined?: boolean } = {},
): Promise<{ ctx: ProgrammeContext; defs: IndicatorDefinition[]; records: SizedRecord[] } | undefined> {
  const ctx = await loadProgrammeContext(db, programmeId);
  if (!ctx) return undefined;
  const defs = options.withUserDefined ? await allDefinitions(db, programmeId) : [...BUILT_IN];
  const [cells] = await computeCells(db, ctx, defs, { asOf: [asOf] });
  return { ctx, defs, records: recordsOf(defs, cells!) };
}
