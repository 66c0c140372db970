import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import type { z } from "zod";
import { type DirectoryService, ServiceFields } from "./schemas.ts";

/**
 * The directory's CSV file (docs/directory.md), in the style of the exchange format
 * (EXCHANGE-FORMAT.md): UTF-8 (BOM accepted), comma-separated, RFC 4180 quoting, exact header
 * names in any order, `Y`/`N` booleans, an empty cell for no value, a value with surrounding
 * spaces refused, lists separated by `;`. Reading is pure: text in, rows or every problem out as
 * `file:line: column: message` (line: where the record starts, the header is line 1).
 */
export const COLUMNS = [
  "service_code",
  "service_name",
  "sector",
  "description",
  "area_codes",
  "eligibility",
  "referral_route",
  "referral_how",
  "phone",
  "phone_private",
  "email",
  "email_private",
  "web",
  "web_private",
  "opening_hours",
  "languages",
  "active",
] as const;
type Column = (typeof COLUMNS)[number];

/** Which column holds each field of ServiceFields (to report a field's issue at its column). */
const COLUMN_OF: Record<keyof z.infer<typeof ServiceFields>, Column> = {
  code: "service_code",
  name: "service_name",
  sector: "sector",
  description: "description",
  areaIds: "area_codes",
  eligibility: "eligibility",
  referralRoute: "referral_route",
  referralHow: "referral_how",
  phone: "phone",
  phonePrivate: "phone_private",
  email: "email",
  emailPrivate: "email_private",
  web: "web",
  webPrivate: "web_private",
  openingHours: "opening_hours",
  languages: "languages",
};

export interface Problem {
  file: string;
  line: number;
  /** The column's header name, or `-` for the record or the file. */
  column: string;
  message: string;
}
export const formatProblem = (p: Problem) => `${p.file}:${p.line}: ${p.column}: ${p.message}`;

export interface CsvService {
  line: number;
  fields: ServiceFields;
  active: boolean;
}

export const MAX_ROWS = 5000;

/** Every row of the file as service fields, or every problem of the file (then no row). */
export function readServicesCsv(
  file: string,
  text: string,
  areaIdByCode: ReadonlyMap<string, number>,
): { rows: CsvService[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const add = (line: number, column: string, message: string) =>
    problems.push({ file, line, column, message });
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parse(text, {
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: false,
    }) as unknown as typeof records;
  } catch (err) {
    const e = err as { lines?: number; message: string };
    add(e.lines ?? 1, "-", `not a readable CSV file: ${e.message.replace(/^Invalid [^:]*: /, "")}`);
    return { rows: [], problems };
  }
  if (!records.length) {
    add(1, "-", "the file is empty: the header is missing");
    return { rows: [], problems };
  }
  const header = records[0]!.record;
  const at = new Map<string, number>();
  header.forEach((name, i) => {
    if (at.has(name)) add(1, name, "the column appears twice in the header");
    else if (!(COLUMNS as readonly string[]).includes(name)) add(1, name, "not a column of this file");
    at.set(name, i);
  });
  for (const c of COLUMNS) if (!at.has(c)) add(1, c, "the column is missing from the header");
  if (problems.length) return { rows: [], problems };
  if (records.length - 1 > MAX_ROWS) {
    add(1, "-", `at most ${MAX_ROWS} services per file`);
    return { rows: [], problems };
  }

  const rows: CsvService[] = [];
  const firstLineOfCode = new Map<string, number>();
  let line = records[0]!.info.lines + 1;
  for (const { record, info } of records.slice(1)) {
    const start = line;
    line = info.lines + 1;
    if (record.length === 1 && record[0] === "") continue; // a blank line
    if (record.length !== header.length) {
      add(start, "-", `the record has ${record.length} fields, the header ${header.length}`);
      continue;
    }
    let ok = true;
    const reported = new Set<string>();
    const bad = (column: Column, message: string) => {
      ok = false;
      reported.add(column);
      add(start, column, message);
    };
    const cell = (c: Column): string | null => {
      const v = record[at.get(c)!]!;
      if (v === "") return null;
      if (/^\s|\s$/.test(v)) {
        bad(c, "a value cannot begin or end with spaces");
        return null;
      }
      return v;
    };
    const yesNo = (c: Column, empty: boolean): boolean => {
      const v = cell(c);
      if (v === null) return empty;
      if (v !== "Y" && v !== "N") bad(c, "must be Y or N");
      return v === "Y";
    };
    const list = (c: Column): string[] => {
      const v = cell(c);
      return v === null ? [] : v.split(";");
    };
    const areaCodes = list("area_codes");
    const areaIds: number[] = [];
    for (const code of areaCodes) {
      const id = areaIdByCode.get(code);
      if (id === undefined) bad("area_codes", `${code || "(empty)"} is not an area of this region`);
      else areaIds.push(id);
    }
    const candidate = {
      code: cell("service_code") ?? "",
      name: cell("service_name") ?? "",
      sector: cell("sector") ?? "",
      description: cell("description") ?? "",
      areaIds,
      eligibility: cell("eligibility") ?? "",
      referralRoute: cell("referral_route") ?? "",
      referralHow: cell("referral_how") ?? "",
      phone: cell("phone"),
      phonePrivate: yesNo("phone_private", false),
      email: cell("email"),
      emailPrivate: yesNo("email_private", false),
      web: cell("web"),
      webPrivate: yesNo("web_private", false),
      openingHours: cell("opening_hours") ?? "",
      languages: list("languages"),
    };
    const active = yesNo("active", true);
    const parsed = ServiceFields.safeParse(candidate);
    if (!parsed.success) {
      const seen = new Set<string>();
      for (const issue of parsed.error.issues) {
        const column = COLUMN_OF[issue.path[0] as keyof typeof COLUMN_OF] ?? "-";
        const key = `${column}:${issue.message}`;
        // one problem per column: the one the cell rules found first, else the field rules' first
        if (seen.has(key) || reported.has(column)) continue;
        seen.add(key);
        bad(column as Column, describeIssue(issue, candidate[issue.path[0] as "code"] === ""));
      }
    }
    if (candidate.code) {
      const first = firstLineOfCode.get(candidate.code);
      if (first !== undefined) bad("service_code", `${candidate.code} already appears on line ${first}`);
      else firstLineOfCode.set(candidate.code, start);
    }
    if (ok && parsed.success) rows.push({ line: start, fields: parsed.data, active });
  }
  const order = (c: string) => (COLUMNS as readonly string[]).indexOf(c);
  problems.sort((a, b) => a.line - b.line || order(a.column) - order(b.column));
  return problems.length ? { rows: [], problems } : { rows, problems };
}

/** An issue of the field rules, said for a person reading the report. */
function describeIssue(issue: z.core.$ZodIssue, empty: boolean): string {
  if (empty) return "a value is required";
  if (issue.code === "invalid_value") return `must be one of ${issue.values.map(String).join(", ")}`;
  if (issue.code === "invalid_type") return "is not valid";
  return issue.message;
}

/** The region's services as the CSV file: rows by code, LF, quoting only where needed, so it imports back unchanged. */
export function writeServicesCsv(services: readonly DirectoryService[]): string {
  const yn = (b: boolean) => (b ? "Y" : "N");
  const rows = [...services]
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
    .map(
      (s): Record<Column, string> => ({
        service_code: s.code,
        service_name: s.name,
        sector: s.sector,
        description: s.description,
        area_codes: s.areas.map((a) => a.code).join(";"),
        eligibility: s.eligibility,
        referral_route: s.referralRoute,
        referral_how: s.referralHow,
        phone: s.phone ?? "",
        phone_private: yn(s.phonePrivate),
        email: s.email ?? "",
        email_private: yn(s.emailPrivate),
        web: s.web ?? "",
        web_private: yn(s.webPrivate),
        opening_hours: s.openingHours,
        languages: s.languages.join(";"),
        active: yn(s.active),
      }),
    );
  return stringify(rows, { header: true, columns: [...COLUMNS], record_delimiter: "unix" });
}
