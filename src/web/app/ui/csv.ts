import { spreadsheetSafe } from "../../../shared/spreadsheet-safe.ts";

export type CsvValue = string | number | boolean | null | undefined;

/** One CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break. */
function field(v: CsvValue): string {
  if (v === null || v === undefined) return "";
  // Text that a spreadsheet would run as a formula is quoted; numbers stay numbers.
  const s = String(spreadsheetSafe(v));
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * A CSV document: comma-separated, CRLF line ends, UTF-8 with a byte-order mark so that
 * spreadsheet programs read accented labels right. Numbers in JavaScript's shortest round-trip
 * form (full precision, like `praxis indicators --format csv`); empty cell = no value.
 */
export function toCsv(header: string[], rows: CsvValue[][]): Blob {
  const lines = [header, ...rows].map((r) => r.map(field).join(","));
  return new Blob([`\uFEFF${lines.join("\r\n")}\r\n`], { type: "text/csv;charset=utf-8" });
}
