import type { Writable } from "node:stream";
import { sql, type Transaction } from "kysely";
import {
  type InterventionCapture,
  rebuildEveryProgramme,
  rebuildFactsAfterLoad,
} from "../indicators/public.ts";
import { type Actor, audit } from "../infra/audit/audit.ts";
import type { DB } from "../infra/db/schema.ts";
import { renewStatistics } from "../infra/db/statistics.ts";
import { PracticeDefinition } from "../practices/public.ts";
import { ProgrammeParameters } from "../programmes/public.ts";
import type { ValidationContext } from "./context.ts";
import { FILES } from "./files.ts";
import { type FileCounts, ProblemList } from "./report.ts";
import { type FileName, type FileRules, type MergeContext, stagingTable } from "./spec.ts";
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
 * The write, inside the import's one transaction: for a coordinator, refuse rows that would
 * overwrite stored rows outside their programmes; create the programmes `--create-programmes`
 * asked for; merge the files in dependency order, one set-based merge each — or, for a file
 * loaded straight into its empty table (`direct-load.ts`), rebuild what the load suspended;
 * append the audit entry. Killed at any point, the transaction never commits and the database
 * is as before. A dry run does everything, then rolls back, so its counts are exact.
 *
 * Files may be merged in two goes: those read before a directly loaded file are merged when it
 * starts (its rows need their ids), the rest at the end.
 */
export class ImportWriter {
  private readonly merged = new Set<FileName>();
  /** Rows copied straight into their table, per file. */
  readonly direct = new Map<FileName, number>();
  /** What a direct load suspended (foreign keys, indexes), put back before the audit entry. */
  readonly restores: Array<() => Promise<void>> = [];
  /**
   * Set when a large interventions file is loaded into the empty table: the facts are then left
   * alone during the load (`praxis.facts = 'off'`) and every programme the extract touches is
   * rebuilt at the end, which is cheaper than keeping deltas and refreshing each enrolment
   * (docs/benchmarks.md, issue 9).
   */
  factsRebuild = false;
  /**
   * With `factsRebuild`, the loaded interventions as the facts' pass needs them: the pass is then
   * summed in Node while the server rebuilds the table's keys and indexes (import-rebuild.ts).
   */
  capture: InterventionCapture | null = null;
  private regionId: number | null = null;
  private readonly created = new Map<string, number>();
  private readonly counts: ImportCounts = {};

  constructor(
    readonly trx: Transaction<DB>,
    readonly plan: Omit<WritePlan, "validation">,
    /** A COPY on the transaction's connection (PostgreSQL), for the facts' pass. */
    readonly copy: ((statement: string) => Writable) | null = null,
  ) {}

  private async timed<T>(step: string, fn: () => Promise<T>): Promise<T> {
    const t = performance.now();
    const out = await fn();
    this.plan.onStep?.(step, Math.round(performance.now() - t));
    return out;
  }

  /**
   * Merge every staged file not merged yet, in dependency order (`rows` per file as read).
   * For a coordinator, first refuse rows that would overwrite stored rows outside their scope.
   */
  async mergeStaged(staged: readonly FileRules[], rows: (file: FileName) => number): Promise<void> {
    const { ctx } = this.plan;
    const trx = this.trx;
    const pending = staged.filter((f) => !this.merged.has(f.file));
    if (pending.length === 0) return;
    // Temporary tables have no statistics until analysed: the joins of the merges need them.
    for (const rules of pending) await sql`analyze ${sql.table(stagingTable(rules.file))}`.execute(trx);
    const x: MergeContext = { trx, regionId: await this.region(), rows: 0, staging: "" };
    if (ctx.scope) {
      const problems = new ProblemList();
      for (const rules of pending) {
        for (const p of (await rules.outOfScope?.(x, ctx.scope)) ?? [])
          problems.add(rules.file, p.line, p.column, p.message);
      }
      if (problems.size > 0) throw new Rejected(problems);
    }
    await this.createProgrammes(x);
    for (const rules of pending) {
      const n = rows(rules.file);
      const { inserted, updated } = await this.timed(`merge ${rules.file}`, () =>
        rules.merge({ ...x, rows: n, staging: stagingTable(rules.file) }),
      );
      this.counts[rules.file] = { rows: n, inserted, updated, unchanged: n - inserted - updated };
      this.merged.add(rules.file);
    }
  }

  /** Merge what is left, put back what direct loads suspended, audit; the counts of every file. */
  async finish(validation: Validation): Promise<ImportCounts> {
    const staged = FILES.filter((f) => validation.staged.has(f.file) && !this.direct.has(f.file));
    await this.mergeStaged(staged, (file) => validation.rows.get(file) ?? 0);
    const restore = async () => {
      for (const r of this.restores) await this.timed("rebuild keys and indexes", r);
    };
    const passed =
      this.capture && !this.capture.overflowed && this.copy
        ? { capture: this.capture, copy: this.copy }
        : null;
    if (!passed) await restore();
    for (const [file, copied] of this.direct) {
      const rows = validation.rows.get(file) ?? copied;
      this.counts[file] = { rows, inserted: copied, updated: 0, unchanged: rows - copied };
    }
    const counts: ImportCounts = {};
    for (const f of FILES) if (this.counts[f.file]) counts[f.file] = this.counts[f.file];
    // Indicator facts: the merges and loads applied intervention deltas as they went (the session
    // set praxis.facts = 'deferred'); the enrolments of every patient the extract names are
    // recomputed once, set-based, now (migration 0008).
    await sql`set local praxis.facts = 'on'`.execute(this.trx);
    if (passed) {
      // the pass is summed in Node while the server rebuilds the keys and indexes
      let restored = 0;
      const { source, passMs } = await rebuildFactsAfterLoad(
        this.trx,
        passed.capture,
        passed.copy,
        async () => {
          await restore();
          restored = performance.now();
        },
      );
      this.plan.onStep?.(`facts pass in Node (beside the keys and indexes)`, passMs);
      this.plan.onStep?.(`indicator facts (from ${source})`, Math.round(performance.now() - restored));
    } else
      await this.timed("indicator facts", () =>
        this.factsRebuild
          ? rebuildEveryProgramme(this.trx)
          : refreshFacts(
              this.trx,
              staged.map((f) => f.file),
              [...this.direct.keys()],
            ),
      );
    if (!this.plan.dryRun)
      await this.timed("planner statistics", () =>
        renewStatistics(this.trx, writtenRows(counts, this.factsRebuild), FACTS_STATISTICS),
      );
    const { ctx } = this.plan;
    await audit(this.trx, this.plan.actor, {
      action: "import",
      entity: "import",
      entityId: this.plan.jobId,
      detail: {
        source: this.plan.source,
        files: [...validation.rows.keys()],
        counts,
        createdProgrammes: [...this.created.keys()],
        options: {
          createProgrammes: ctx.options.createProgrammes,
          ignoreUnknownColumns: ctx.options.ignoreUnknownColumns,
        },
      },
    });
    if (this.plan.dryRun) throw new DryRunDone(counts);
    return counts;
  }

  /** The region of new sites and programmes, resolved (or created) once it is needed. */
  private async region(): Promise<number | null> {
    if (this.regionId === null && needsRegion(this.plan.ctx))
      this.regionId = await resolveRegion(this.trx, this.plan.ctx);
    return this.regionId;
  }

  /**
   * `--create-programmes`: each unknown programme code becomes a programme of a practice of the
   * same code (created with the base taxonomy only, unless it exists) with the default parameters
   * of INDICATORS.md, registered at the sites its imported rows name (also those named after it
   * was created, in an earlier merge). A handful per import.
   */
  private async createProgrammes(x: MergeContext): Promise<void> {
    const { trx } = x;
    for (const [code, siteCodes] of this.plan.ctx.newProgrammes) {
      let programmeId = this.created.get(code);
      if (programmeId === undefined) {
        programmeId = await createProgramme(x, code, this.plan.actor);
        this.created.set(code, programmeId);
      }
      if (siteCodes.size > 0) {
        await sql`insert into programme_sites (programme_id, site_id)
          select ${programmeId}, id from sites where code = any(${[...siteCodes]}::text[])
          on conflict do nothing`.execute(trx);
      }
    }
  }
}

/** Merge every staged file and audit, all at the end (PGlite, and PostgreSQL without a direct load). */
export async function writeStaged(trx: Transaction<DB>, plan: WritePlan): Promise<ImportCounts> {
  return new ImportWriter(trx, plan).finish(plan.validation);
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

/** A programme for an unknown code, of a practice of the same code (created unless it exists). */
async function createProgramme(x: MergeContext, code: string, actor: Actor): Promise<number> {
  const { trx } = x;
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
  return programme.id;
}

/** Files whose rows name a patient, and the staging column that holds the patient's code. */
const PATIENT_FILES: ReadonlyMap<FileName, string> = new Map([
  ["patients.csv", "code"],
  ["enrolments.csv", "patient_code"],
  ["interventions.csv", "patient_code"],
  ["assessments.csv", "patient_code"],
  ["treatment_plans.csv", "patient_code"],
] as Array<[FileName, string]>);

/** The registry tables files are loaded into directly (their table was empty: every row is new). */
const DIRECT_TABLES: ReadonlyMap<FileName, string> = new Map([
  ["interventions.csv", "interventions"],
  ["assessments.csv", "assessments"],
  ["treatment_plans.csv", "treatment_plans"],
  ["enrolments.csv", "enrolments"],
] as Array<[FileName, string]>);

/** Recompute the indicator facts of every patient the import names, in one set-based call. */
async function refreshFacts(trx: Transaction<DB>, staged: readonly FileName[], direct: readonly FileName[]) {
  const sources = patientSources(staged, direct);
  if (sources.length === 0) return;
  await sql`select indicator_refresh_patients(array(${sql.join(sources, sql` union `)}))`.execute(trx);
}

/**
 * The indicator facts' tables, which follow the patient-level rows, and the columns the catalogue
 * filters and groups them by: only those are analysed (52 ms instead of 350 for 12,000 enrolments).
 */
export const FACTS_STATISTICS: ReadonlyMap<string, readonly string[]> = new Map([
  ["indicator_enrolment_facts", ["programme_id", "site_id", "enrolment_date"]],
  ["indicator_site_days", ["programme_id", "site_id", "day"]],
  ["indicator_site_month_histograms", ["programme_id", "site_id", "month"]],
]);

/**
 * Rows the import wrote (inserted or updated) per table, for the planner statistics: each file's
 * into its table (named after it), and the patient-level files' into the indicator facts — all
 * of them when the facts were rebuilt.
 */
export function writtenRows(counts: ImportCounts, factsRebuilt: boolean): Map<string, number> {
  const written = new Map<string, number>();
  let patientLevel = 0;
  for (const [file, c] of Object.entries(counts) as Array<[FileName, FileCounts]>) {
    const n = c.inserted + c.updated;
    written.set(file.replace(/\.csv$/, ""), n);
    if (PATIENT_FILES.has(file)) patientLevel += n;
  }
  for (const t of FACTS_STATISTICS.keys())
    written.set(t, factsRebuilt ? Number.POSITIVE_INFINITY : patientLevel);
  return written;
}

/** Queries of the ids of the patients the import names, one per file that names patients. */
function patientSources(staged: readonly FileName[], direct: readonly FileName[]) {
  return [
    ...staged.flatMap((f) => {
      const column = PATIENT_FILES.get(f);
      return column
        ? [
            sql`select pa.id from patients pa where pa.code in (select ${sql.ref(column)} from ${sql.table(stagingTable(f))})`,
          ]
        : [];
    }),
    ...direct.flatMap((f) => {
      const table = DIRECT_TABLES.get(f);
      return table ? [sql`select distinct patient_id from ${sql.table(table)}`] : [];
    }),
  ];
}
