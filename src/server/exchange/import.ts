import fs from "node:fs";
import path from "node:path";
import type { Actor } from "../infra/audit/audit.ts";
import type { Database } from "../infra/db/database.ts";
import { makeTempDir } from "../infra/files/temp-dir.ts";
import { type ImportOptions, type ImportScope, ValidationContext } from "./context.ts";
import { type DirectOptions, openDirectLoad } from "./direct-load.ts";
import type { ProblemList } from "./report.ts";
import type { FileRules } from "./spec.ts";
import { type StageSink, spoolFile } from "./spool.ts";
import { type ImportFile, type Progress, type Validation, validateImport } from "./validate.ts";
import {
  DryRunDone,
  type ImportCounts,
  ImportWriter,
  Rejected,
  type WritePlan,
  writeStaged,
} from "./write.ts";
import { openWriteSession } from "./write-session.ts";

export interface ImportRequest {
  files: ImportFile[];
  /** What the audit entry names as the source: a directory, or the uploaded file names. */
  source: string;
  options: ImportOptions;
  dryRun?: boolean;
  actor: Actor;
  /** A regional coordinator's scope; null or absent for an administrator or the CLI. */
  scope?: ImportScope | null;
  /** The PostgreSQL connection string, so the write can use COPY on a connection of its own. */
  databaseUrl?: string;
  jobId?: string | null;
  onProgress?(p: Progress): void;
  /** Awaited: a job records its phase before the write takes the connection. */
  onPhase?(phase: "validating" | "writing"): void | Promise<void>;
  /** How long each step took, for tracing and the benchmark. */
  onStep?(step: string, ms: number): void;
  /** How files are loaded on PostgreSQL (the benchmark compares them; the defaults won). */
  load?: DirectOptions;
}

export type ImportResult =
  | { status: "done"; counts: ImportCounts; elapsedMs: number; dryRun: boolean }
  | { status: "rejected"; problems: ProblemList; elapsedMs: number };

/**
 * Import a set of CSV files: check everything (every problem, across every file), and only if
 * nothing is wrong write it all in one transaction. Memory holds codes, never rows: valid rows
 * stream to the database (COPY on PostgreSQL) or to spool files (PGlite) as they are read.
 */
export async function runImport(database: Database, req: ImportRequest): Promise<ImportResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  await req.onPhase?.("validating");
  const ctx = new ValidationContext(req.options, req.scope ?? null);
  await ctx.load(database.db);
  const base: Omit<WritePlan, "validation"> = {
    ctx,
    actor: req.actor,
    source: req.source,
    jobId: req.jobId ?? null,
    dryRun: req.dryRun ?? false,
    onStep: req.onStep,
  };
  const plan = (validation: Validation): WritePlan => ({ ...base, validation });
  const session = await openWriteSession(database, req.databaseUrl);
  const spoolDir = session.kind === "batch" ? await makeTempDir("import") : null;
  try {
    let counts: ImportCounts;
    if (session.kind === "copy") {
      // One transaction from the first row read: rows are copied while the files are checked.
      counts = await session.transaction(async (trx, stage, copy) => {
        const writer = new ImportWriter(trx, base, copy);
        // files staged so far (merged before a direct load starts) and the rows each took
        const staged: FileRules[] = [];
        const stagedRows = new Map<FileRules["file"], number>();
        const validation = await validateImport(req.files, ctx, {
          sink: async (rules, header, file) => {
            const direct = await openDirectLoad(
              writer,
              rules,
              file.bytes,
              copy,
              { files: staged, rows: (file) => stagedRows.get(file) ?? 0 },
              req.load,
            );
            if (direct) return direct;
            staged.push(rules);
            stagedRows.set(rules.file, 0);
            return countRows(await stage(rules, header), () =>
              stagedRows.set(rules.file, (stagedRows.get(rules.file) ?? 0) + 1),
            );
          },
          onProgress: req.onProgress,
        });
        req.onStep?.("validate and copy", elapsed());
        if (validation.problems.size > 0) throw new Rejected(validation.problems);
        await req.onPhase?.("writing");
        return writer.finish(validation);
      });
    } else {
      // Check first (PGlite's only connection stays free for other requests), then write.
      const spools = new Map<FileRules, string>();
      const validation = await validateImport(req.files, ctx, {
        sink: async (rules) => {
          const spool = path.join(spoolDir!, `${rules.file}.spool`);
          spools.set(rules, spool);
          return spoolFile(spool);
        },
        onProgress: req.onProgress,
      });
      req.onStep?.("validate", elapsed());
      if (validation.problems.size > 0) throw new Rejected(validation.problems);
      await req.onPhase?.("writing");
      counts = await session.transaction(async (trx, load) => {
        for (const [rules, spool] of spools) {
          const t = performance.now();
          await load(rules, spool);
          req.onStep?.(`load ${rules.file}`, Math.round(performance.now() - t));
        }
        return writeStaged(trx, plan(validation));
      });
    }
    return { status: "done", counts, elapsedMs: elapsed(), dryRun: req.dryRun ?? false };
  } catch (err) {
    if (err instanceof Rejected) return { status: "rejected", problems: err.problems, elapsedMs: elapsed() };
    if (err instanceof DryRunDone)
      return { status: "done", counts: err.counts, elapsedMs: elapsed(), dryRun: true };
    throw err;
  } finally {
    await session.close();
    if (spoolDir) await fs.promises.rm(spoolDir, { recursive: true, force: true });
  }
}

/** A sink that counts the rows it takes. */
function countRows(sink: StageSink, counted: () => void): StageSink {
  return {
    write(line, values, fields, raw) {
      counted();
      sink.write(line, values, fields, raw);
    },
    drain: () => sink.drain(),
    close: () => sink.close(),
  };
}

/**
 * The files of a directory offered for import: every `*.csv` (any case: `SITES.CSV` is then
 * reported as an unknown file, names being exact), skipping hidden files such as `._sites.csv`.
 */
export function listImportFiles(dir: string): ImportFile[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && !e.name.startsWith(".") && e.name.toLowerCase().endsWith(".csv"))
    .map((e) => {
      const p = path.join(dir, e.name);
      return { name: e.name, path: p, bytes: fs.statSync(p).size };
    })
    .sort((a, b) => (a.name < b.name ? -1 : 1));
}
