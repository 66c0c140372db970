import { sql, type Transaction } from "kysely";
import { type Actor, audit } from "../infra/audit/audit.ts";
import type { DB } from "../infra/db/schema.ts";
import { PracticeDefinition } from "../practices/schemas.ts";
import { ProgrammeParameters } from "../programmes/schemas.ts";
import type { ValidationContext } from "./context.ts";
import { FILES } from "./files.ts";
import { type FileCounts, ProblemList } from "./report.ts";
import { type FileName, type MergeContext, stagingTable } from "./spec.ts";
import { needsRegion, type Validation } from "./validate.ts";

export interface WritePlan {
  ctx: ValidationContext;
  validation: Validation;
  actor: Actor;
  /** What the audit entry records about the import. */
  source: string;
  jobId: string | null;
  dryRun: boolean;
  /** Told how long each step took (`load interventions.csv`, `merge …`), for tracing and the benchmark. */
  onStep?(step: string, ms: number): void;
}

export type ImportCounts = Partial<Record<FileName, FileCounts>>;

/** Thrown inside the transaction to roll it back: the import is rejected with these problems. */
export class Rejected extends Error {
  constructor(readonly problems: ProblemList) {
    super("import rejected");
  }
}

/** Thrown inside the transaction to roll back a dry run, carrying its counts. */
export class DryRunDone extends Error {
  constructor(readonly counts: ImportCounts) {
    super("dry run");
  }
}

/**
 * The write, inside the import's one transaction, once every file is staged: for a coordinator,
 * refuse rows that would overwrite stored rows outside their programmes; create the programmes
 * `--create-programmes` asked for; merge the files in dependency order, one set-based merge each;
 * append the audit entry. Killed at any point, the transaction never commits and the database is
 * as before. A dry run does everything, then rolls back, so its counts are exact.
 */
export async function writeStaged(trx: Transaction<DB>, plan: WritePlan): Promise<ImportCounts> {
  const { ctx, validation } = plan;
  const staged = FILES.filter((f) => validation.staged.has(f.file));
  const timed = async <T>(step: string, fn: () => Promise<T>): Promise<T> => {
    const t = performance.now();
    const out = await fn();
    plan.onStep?.(step, Math.round(performance.now() - t));
    return out;
  };
  // Temporary tables have no statistics until analysed: the joins of the merges need them.
  for (const rules of staged) await sql`analyze ${sql.table(stagingTable(rules.file))}`.execute(trx);
  const x: MergeContext = {
    trx,
    regionId: needsRegion(ctx) ? await resolveRegion(trx, ctx) : null,
    rows: 0,
    staging: "",
  };
  if (ctx.scope) {
    const problems = new ProblemList();
    for (const rules of staged) {
      for (const p of (await rules.outOfScope?.(x, ctx.scope)) ?? [])
        problems.add(rules.file, p.line, p.column, p.message);
    }
    if (problems.size > 0) throw new Rejected(problems);
  }
  const created = await createProgrammes(x, ctx, plan.actor);
  const counts: ImportCounts = {};
  // Indicator facts: the merges apply intervention deltas as they go, and the enrolments of every
  // patient the extract names are recomputed once, set-based, at the end (migration 0008).
  await sql`set local praxis.facts = 'deferred'`.execute(trx);
  for (const rules of staged) {
    const rows = validation.rows.get(rules.file) ?? 0;
    const { inserted, updated } = await timed(`merge ${rules.file}`, () =>
      rules.merge({ ...x, rows, staging: stagingTable(rules.file) }),
    );
    counts[rules.file] = { rows, inserted, updated, unchanged: rows - inserted - updated };
  }
  await sql`set local praxis.facts = 'on'`.execute(trx);
  await timed("indicator facts", () =>
    refreshFacts(
      trx,
      staged.map((f) => f.file),
    ),
  );
  await audit(trx, plan.actor, {
    action: "import",
    entity: "import",
    entityId: plan.jobId,
    detail: {
      source: plan.source,
      files: [...validation.rows.keys()],
      counts,
      createdProgrammes: created,
      options: {
        createProgrammes: ctx.options.createProgrammes,
        ignoreUnknownColumns: ctx.options.ignoreUnknownColumns,
      },
    },
  });
  if (plan.dryRun) throw new DryRunDone(counts);
  return counts;
}

/** The region of new sites and programmes: the one named, the only one, or a new one. */
async function resolveRegion(trx: Transaction<DB>, ctx: ValidationContext): Promise<number> {
  const wanted = ctx.options.region;
  const existing = wanted ? ctx.regions.find((r) => r.code === wanted) : ctx.regions[0];
  if (existing && (wanted || ctx.regions.length === 1)) return existing.id;
  const code = wanted ?? "DEFAULT";
  const created = await trx
    .insertInto("regions")
    .values({ code, name: wanted ?? "Default region" })
    .returning("id")
    .executeTakeFirstOrThrow();
  return created.id;
}

/**
 * `--create-programmes`: each unknown programme code becomes a programme of a practice of the
 * same code (created with the base taxonomy only, unless it exists) with the default parameters
 * of INDICATORS.md, registered at the sites its imported rows name. A handful per import.
 */
async function createProgrammes(x: MergeContext, ctx: ValidationContext, actor: Actor): Promise<string[]> {
  const { trx } = x;
  for (const [code, siteCodes] of ctx.newProgrammes) {
    let practice = await trx
      .selectFrom("practices")
      .select(["id", "current_version"])
      .where("code", "=", code)
      .executeTakeFirst();
    if (!practice) {
      practice = await trx
        .insertInto("practices")
        .values({ code, name: code })
        .returning(["id", "current_version"])
        .executeTakeFirstOrThrow();
      await trx
        .insertInto("practice_versions")
        .values({
          practice_id: practice.id,
          version: practice.current_version,
          definition: JSON.stringify(PracticeDefinition.parse({})),
          created_by: actor.id,
        })
        .execute();
    }
    const programme = await trx
      .insertInto("programmes")
      .values({
        code,
        name: code,
        practice_id: practice.id,
        practice_version: practice.current_version,
        region_id: x.regionId!,
        parameters: JSON.stringify(ProgrammeParameters.parse(undefined)),
        updated_at: new Date(),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    if (siteCodes.size > 0) {
      await sql`insert into programme_sites (programme_id, site_id)
        select ${programme.id}, id from sites where code = any(${[...siteCodes]}::text[])`.execute(trx);
    }
  }
  return [...ctx.newProgrammes.keys()];
}

/** Files whose rows name a patient, and the staging column that holds the patient's code. */
const PATIENT_FILES: ReadonlyMap<FileName, string> = new Map([
  ["patients.csv", "code"],
  ["enrolments.csv", "patient_code"],
  ["interventions.csv", "patient_code"],
  ["assessments.csv", "patient_code"],
  ["treatment_plans.csv", "patient_code"],
] as Array<[FileName, string]>);

async function refreshFacts(trx: Transaction<DB>, files: readonly FileName[]): Promise<void> {
  const sources = files.flatMap((f) => {
    const column = PATIENT_FILES.get(f);
    return column ? [sql`select ${sql.ref(column)} from ${sql.table(stagingTable(f))}`] : [];
  });
  if (sources.length === 0) return;
  await sql`select indicator_refresh_patients(array(
    select pa.id from patients pa where pa.code in (${sql.join(sources, sql` union `)})))`.execute(trx);
}
