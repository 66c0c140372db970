import { detach } from "./fields.ts";

/**
 * The import report: every problem as `file:line: column: message`, sorted by file then line,
 * and the per-file counts of a successful import.
 */

export interface Problem {
  file: string;
  /** 1-based physical line where the record starts; the header (and the file as a whole) is line 1. */
  line: number;
  /** The column's header name, or `-` when the problem is about the record or the file. */
  column: string;
  message: string;
}

export interface FileCounts {
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
}

export const formatProblem = (p: Problem) => `${p.file}:${p.line}: ${p.column}: ${p.message}`;

const byFileThenLine = (a: Problem, b: Problem) =>
  a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line;

/**
 * Problems collected while reading, kept in bounded memory: beyond `cap` only the first ones by
 * file and line are kept and the rest are counted (a file that breaks a rule on every row would
 * otherwise hold its whole content in memory a second time).
 */
export class ProblemList {
  private items: Problem[] = [];
  private sorted = true;
  total = 0;

  constructor(readonly cap = 100_000) {}

  add(file: string, line: number, column: string, message: string): void {
    this.total += 1;
    this.items.push({ file, line, column: detach(column), message: detach(message) });
    this.sorted = false;
    if (this.items.length >= this.cap * 2) this.compact();
  }

  get size(): number {
    return this.total;
  }

  /** The kept problems, sorted by file then line (stable: same line keeps reading order). */
  list(): Problem[] {
    this.compact();
    return this.items;
  }

  /** How many problems were counted but not kept. */
  get omitted(): number {
    return this.total - this.list().length;
  }

  private compact(): void {
    if (!this.sorted) {
      this.items.sort(byFileThenLine);
      this.sorted = true;
    }
    if (this.items.length > this.cap) this.items.length = this.cap;
  }
}

/** The report printed by `praxis import` when an import is rejected. */
export function formatRejection(problems: ProblemList): string {
  const lines = problems.list().map(formatProblem);
  if (problems.omitted > 0) lines.push(`… and ${problems.omitted} more problems not listed`);
  return lines.join("\n");
}

/** The summary table printed after a successful import (or a dry run). */
export function formatSummary(counts: Record<string, FileCounts>, elapsedMs: number): string {
  const files = Object.keys(counts);
  const total = files.reduce((n, f) => n + counts[f]!.rows, 0);
  const width = Math.max(4, ...files.map((f) => f.length));
  const num = (n: number) => String(n).padStart(10);
  const head = `${"file".padEnd(width)}  ${"rows".padStart(10)}${"inserted".padStart(10)}${"updated".padStart(10)}${"unchanged".padStart(10)}`;
  const rows = files.map((f) => {
    const c = counts[f]!;
    return `${f.padEnd(width)}  ${num(c.rows)}${num(c.inserted)}${num(c.updated)}${num(c.unchanged)}`;
  });
  const seconds = elapsedMs / 1000;
  const rate = seconds > 0 ? Math.round(total / seconds) : total;
  return [head, ...rows, `${total} rows in ${seconds.toFixed(1)} s (${rate} rows/s)`].join("\n");
}
