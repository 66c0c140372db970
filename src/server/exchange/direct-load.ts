import type { Writable } from "node:stream";
import { sql } from "kysely";
import { InterventionCapture } from "../indicators/public.ts";
import { suspendForLoad } from "./bulk-load.ts";
import type { FileRules } from "./spec.ts";
import { EncodedSink, type StageSink } from "./spool.ts";
import { regionProblem } from "./validate.ts";
import type { ImportWriter } from "./write.ts";

/** How a direct load treats the table's plain indexes (measured in docs/benchmarks.md, "Import"). */
export type PlainIndexes = "keep" | "rebuild";

export interface DirectOptions {
  /** Load straight into empty tables (default); false stages every file. */
  direct?: boolean;
  /** Plain indexes kept up row by row, or dropped and rebuilt after the load (default). */
  plainIndexes?: PlainIndexes;
}

/**
 * Below this size (about 10,000 rows) a load keeps the table's foreign keys and indexes: their
 * per-row upkeep is small, and dropping them would lock the referenced tables until commit.
 */
export const SUSPEND_FROM_BYTES = 1 << 20;

/**
 * At the start of a file that can be loaded straight into its table (`FileRules.direct`), on
 * PostgreSQL, when that table is empty: merge the files staged so far (the rows name their
 * sites, patients and groups by id); for a large file drop the table's foreign keys and plain
 * indexes — re-added, validated and rebuilt in one pass each at the end, instead of trigger
 * calls and index insertions per row (the unique indexes stay: they are what a row is keyed
 * by) — and COPY the rows in as the file is read. The server builds the table and its indexes on one core while Node validates on the
 * other; nothing is written twice. Null when the file must be staged and merged instead: rows
 * may exist already (then some rows are updates), a coordinator's import (scope checks need
 * the staged rows), or a region still to be named.
 *
 * A problem found later rolls everything back: the COPY is inside the import's transaction.
 */
export async function openDirectLoad(
  writer: ImportWriter,
  rules: FileRules,
  bytes: number,
  copy: (statement: string) => Writable,
  staged: { files: readonly FileRules[]; rows: (file: FileRules["file"]) => number },
  options: DirectOptions = {},
): Promise<StageSink | null> {
  const direct = rules.direct;
  const { ctx } = writer.plan;
  if (!direct || options.direct === false || ctx.scope || regionProblem(ctx)) return null;
  const trx = writer.trx;
  const { rows } = await sql<{ empty: boolean }>`
    select not exists (select 1 from ${sql.table(direct.table)}) as empty`.execute(trx);
  if (!rows[0]?.empty) return null;
  await writer.mergeStaged(staged.files, (file) => staged.rows(file));
  await ctx.loadMergedIds(trx);
  const large = bytes >= SUSPEND_FROM_BYTES;
  if (large && direct.table === "interventions") {
    // Every intervention is new: the programmes they reach are rebuilt at the end instead.
    await sql`set local praxis.facts = 'off'`.execute(trx);
    writer.factsRebuild = true;
    if (direct.captures && (await keepsFacts(trx))) writer.capture = new InterventionCapture();
  }
  writer.restores.push(
    await suspendForLoad(trx, direct.table, {
      foreignKeys: large,
      plainIndexes: large && (options.plainIndexes ?? "rebuild") === "rebuild",
    }),
  );
  const stream = copy(`copy ${direct.table} (${direct.columns.join(", ")}) from stdin`);
  let copied = 0;
  writer.direct.set(rules.file, 0);
  return new EncodedSink(stream, (_line, values) => {
    copied += 1;
    writer.direct.set(rules.file, copied);
    return direct.encode(values, ctx, writer.capture);
  });
}

/**
 * Whether this database keeps indicator facts (their triggers exist): a database set up without
 * them — the benchmark's baseline of what keeping facts costs — has no use for the facts' pass.
 */
async function keepsFacts(trx: ImportWriter["trx"]): Promise<boolean> {
  const { rows } = await sql<{ keeps: boolean }>`
    select exists (select 1 from pg_trigger where tgname = 'interventions_facts_ins'
      and tgrelid = 'interventions'::regclass) as keeps`.execute(trx);
  return rows[0]?.keeps ?? false;
}
