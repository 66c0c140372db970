import { CodeSet } from "./code-set.ts";
import type { ValidationContext } from "./context.ts";
import { readCsvFile, readCsvHeader } from "./csv-reader.ts";
import { detach, isCode, Row } from "./fields.ts";
import { FILES } from "./files.ts";
import { ProblemList } from "./report.ts";
import type { FileName, FileRules } from "./spec.ts";
import type { StageSink } from "./spool.ts";

/** A file offered for import. */
export interface ImportFile {
  name: string;
  path: string;
  bytes: number;
}

export interface Progress {
  /** The file being read; null before the first and after the last. */
  file: string | null;
  /** Data rows read so far, all files together. */
  rowsRead: number;
  totalBytes: number;
  bytesRead: number;
}

export interface Validation {
  problems: ProblemList;
  /** Data rows per file present. */
  rows: Map<FileName, number>;
  /** The sink that took each file's rows (every file present, when there is no problem). */
  staged: Map<FileName, StageSink>;
}

export interface ValidateOptions {
  /** Where a file's valid rows go (given the file's header); without it they go nowhere (validation only). */
  sink?(rules: FileRules, header: string[], file: ImportFile): Promise<StageSink>;
  onProgress?(p: Progress): void;
}

/**
 * Read every file once, in dependency order, checking every rule and collecting every problem;
 * while no problem has been found, valid rows go to the sink (a staging COPY, or a spool file).
 * Nothing is merged into the registry here.
 */
export async function validateImport(
  files: ImportFile[],
  ctx: ValidationContext,
  options: ValidateOptions = {},
): Promise<Validation> {
  const problems = new ProblemList();
  const rows = new Map<FileName, number>();
  const staged = new Map<FileName, StageSink>();
  const byName = new Map(files.map((f) => [f.name, f]));
  const known = new Set(FILES.map((f) => f.file as string));
  for (const f of files) {
    if (!known.has(f.name))
      problems.add(f.name, 1, "-", `unknown file: the format's files are ${[...known].join(", ")}`);
  }
  for (const rules of FILES) {
    if (rules.required && !byName.has(rules.file))
      problems.add(rules.file, 1, "-", "required file is missing");
  }

  const progress: Progress = {
    file: null,
    rowsRead: 0,
    totalBytes: files.reduce((n, f) => n + f.bytes, 0),
    bytesRead: 0,
  };
  for (const rules of FILES) {
    const file = byName.get(rules.file);
    if (!file) continue;
    progress.file = rules.file;
    const { rows: count, sink } = await validateFile(rules, file, ctx, problems, progress, options);
    rows.set(rules.file, count);
    if (sink) staged.set(rules.file, sink);
  }
  progress.file = null;
  options.onProgress?.(progress);
  checkRegion(ctx, problems);
  if (problems.size > 0) staged.clear();
  return { problems, rows, staged };
}

async function validateFile(
  rules: FileRules,
  file: ImportFile,
  ctx: ValidationContext,
  problems: ProblemList,
  progress: Progress,
  options: ValidateOptions,
): Promise<{ rows: number; sink: StageSink | null }> {
  const name = rules.file;
  const header = await readCsvHeader(file.path);
  if (header === null) {
    problems.add(name, 1, "-", "the file is empty: the header line is missing");
    ctx.unreadable.add(name);
    progress.bytesRead += file.bytes;
    return { rows: 0, sink: null };
  }
  const at = checkHeader(rules, header, ctx, problems);
  if (!at) ctx.unreadable.add(name);
  const row = at ? new Row(name, rules.columns, at, problems) : null;
  const keyAt = at?.[0] ?? 0;
  // Once any problem is found nothing will be written: stop staging rows.
  const sink = options.sink && row && problems.size === 0 ? await options.sink(rules, header, file) : null;
  const codes = new CodeSet();
  // A load that fails (a COPY refusing a row, say a code twice in the file) stops taking rows;
  // the file is still read to the end so every problem is reported, and if validation finds
  // none the failure is the import's error.
  let sinkFailure: unknown = null;
  let first = true;
  let dataRows = 0;
  const bytesBefore = progress.bytesRead;
  const rowsBefore = progress.rowsRead;
  let lastReport = 0;

  try {
    await readCsvFile(
      file.path,
      {
        problem: (line, message) => problems.add(name, line, "-", message),
        record(fields, line, damaged, raw) {
          if (first) {
            first = false; // the header, checked above
            return;
          }
          dataRows += 1;
          if (!row || damaged) return;
          if (fields.length !== header.length) {
            problems.add(
              name,
              line,
              "-",
              `expected ${header.length} values as in the header, found ${fields.length}`,
            );
            return;
          }
          const key = fields[keyAt]!;
          if (isCode(key)) codes.add(key);
          row.start(fields, line);
          const values = rules.check(row, ctx);
          if (values && sink && sinkFailure === null && problems.size === 0)
            sink.write(line, values, fields, raw);
        },
      },
      async (bytes) => {
        progress.bytesRead = bytesBefore + bytes;
        progress.rowsRead = rowsBefore + dataRows;
        const now = Date.now();
        if (options.onProgress && now - lastReport >= 250) {
          lastReport = now;
          options.onProgress({ ...progress });
        }
        if (sink && sinkFailure === null) await sink.drain().catch((err: unknown) => (sinkFailure = err));
      },
    );
  } finally {
    // Always end the sink: a COPY left open would keep its connection busy.
    if (sink) await sink.close().catch((err: unknown) => (sinkFailure ??= err));
  }
  progress.bytesRead = bytesBefore + file.bytes;
  progress.rowsRead = rowsBefore + dataRows;
  if (codes.suspects.size > 0)
    await reportDuplicates(file.path, name, rules.columns[0]!, codes.suspects, problems);
  if (sinkFailure !== null && problems.size === 0) throw sinkFailure;
  options.onProgress?.({ ...progress });
  return { rows: dataRows, sink };
}

/**
 * Check the header: every column present, none twice, none unknown (unless ignored). Returns,
 * for each of the format's columns, its position in the file — or null when a column is missing
 * or doubled, which makes the rows unreadable (they are then not checked).
 */
function checkHeader(
  rules: FileRules,
  header: string[],
  ctx: ValidationContext,
  problems: ProblemList,
): number[] | null {
  const name = rules.file;
  const position = new Map<string, number>();
  let usable = true;
  header.forEach((column, i) => {
    const known = rules.columns.includes(column);
    if (!known && !ctx.options.ignoreUnknownColumns)
      problems.add(name, 1, column || "(empty)", "unknown column (--ignore-unknown-columns ignores it)");
    const first = position.get(column);
    if (first !== undefined) {
      if (known) {
        problems.add(name, 1, column, `duplicate column (columns ${first + 1} and ${i + 1})`);
        usable = false;
      }
    } else position.set(column, i);
  });
  for (const column of rules.columns) {
    if (!position.has(column)) {
      problems.add(name, 1, column, "column is missing");
      usable = false;
    }
  }
  return usable ? rules.columns.map((c) => position.get(c)!) : null;
}

/** Second read of a file, only for the codes whose hash was seen twice: report each true duplicate. */
async function reportDuplicates(
  filePath: string,
  name: string,
  keyColumn: string,
  suspects: ReadonlySet<string>,
  problems: ProblemList,
): Promise<void> {
  const lines = new Map<string, number[]>();
  let keyAt = -1;
  await readCsvFile(filePath, {
    problem: () => {},
    record(fields, line) {
      if (keyAt === -1) {
        keyAt = fields.indexOf(keyColumn);
        return;
      }
      const code = fields[keyAt];
      if (code === undefined || !suspects.has(code)) return;
      const seen = lines.get(code);
      if (seen) seen.push(line);
      else lines.set(detach(code), [line]);
    },
  });
  for (const [code, at] of lines) {
    for (const line of at.slice(1))
      problems.add(name, line, keyColumn, `duplicate ${keyColumn} ${code} (first at line ${at[0]})`);
  }
}

/** New sites, areas or programmes need a region: the only one, the one named, or a new one. */
function checkRegion(ctx: ValidationContext, problems: ProblemList): void {
  const problem = regionProblem(ctx);
  if (problem) problems.add("sites.csv", 1, "-", problem);
}

/** Why the region of new sites and programmes cannot be told, or null when it can. */
export function regionProblem(ctx: ValidationContext): string | null {
  if (!needsRegion(ctx)) return null;
  const wanted = ctx.options.region;
  if (wanted) {
    if (ctx.regions.length > 0 && !ctx.regions.some((r) => r.code === wanted))
      return `no region with code ${wanted}`;
    return null;
  }
  if (ctx.regions.length > 1)
    return `the database holds ${ctx.regions.length} regions: name the region of the new sites and programmes (--region ${ctx.regions.map((r) => r.code).join(" or ")})`;
  return null;
}

export function needsRegion(ctx: ValidationContext): boolean {
  for (const s of ctx.sites) if (!ctx.dbSites.has(s)) return true;
  for (const a of ctx.areas.keys()) if (!ctx.dbAreas.has(a)) return true;
  return ctx.newProgrammes.size > 0;
}
