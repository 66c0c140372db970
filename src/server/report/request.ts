import { CivilDate } from "../shared/schemas.ts";

/** The languages the report's texts are written in (texts.ts). */
export const REPORT_LANGUAGES = ["en", "it"] as const;
export type ReportLanguage = (typeof REPORT_LANGUAGES)[number];

export interface ReportPeriod {
  from: string;
  to: string;
}

/** A refusal of one input: the field it names, the rule broken, a sentence for people. */
export interface ReportInputIssue {
  field: "period" | "from" | "to" | "lang";
  /** A rule of shared/validation-messages.ts, so that clients can say it in their language. */
  rule: "required" | "invalid_format" | "calendar_date" | "end_before_start" | "not_an_option";
  params?: { format: "date" } | { values: string[] };
  message: string;
}

type Parsed<T> = { ok: true; value: T } | { ok: false; issue: ReportInputIssue };

function date(field: "from" | "to", text: string): Parsed<string> {
  const r = CivilDate.safeParse(text);
  if (r.success) return { ok: true, value: r.data };
  const message = r.error.issues[0]?.message ?? "not a date";
  if (message === "a date as YYYY-MM-DD")
    return {
      ok: false,
      issue: {
        field,
        rule: "invalid_format",
        params: { format: "date" },
        message: `${field} "${text}": ${message}`,
      },
    };
  return { ok: false, issue: { field, rule: "calendar_date", message: `${field} "${text}": ${message}` } };
}

/** A period given as its two days (the API's from and to, the CLI's FROM..TO once split). */
export function checkPeriod(from: string | undefined, to: string | undefined): Parsed<ReportPeriod> {
  if (!from && !to)
    return { ok: false, issue: { field: "period", rule: "required", message: "a period is required" } };
  if (!from)
    return {
      ok: false,
      issue: { field: "from", rule: "required", message: "the period's first day is missing" },
    };
  if (!to)
    return {
      ok: false,
      issue: { field: "to", rule: "required", message: "the period's last day is missing" },
    };
  const f = date("from", from);
  if (!f.ok) return f;
  const t = date("to", to);
  if (!t.ok) return t;
  if (t.value < f.value)
    return {
      ok: false,
      issue: {
        field: "to",
        rule: "end_before_start",
        message: `the period ends (${t.value}) before it starts (${f.value})`,
      },
    };
  return { ok: true, value: { from: f.value, to: t.value } };
}

/** The CLI's `FROM..TO`. */
export function parsePeriod(text: string | undefined): Parsed<ReportPeriod> {
  if (text === undefined || text.trim() === "")
    return {
      ok: false,
      issue: { field: "period", rule: "required", message: "a period FROM..TO is required" },
    };
  const parts = text.split("..");
  if (parts.length !== 2)
    return {
      ok: false,
      issue: {
        field: "period",
        rule: "invalid_format",
        message: `"${text}" is not a period: write FROM..TO (YYYY-MM-DD..YYYY-MM-DD)`,
      },
    };
  return checkPeriod(parts[0]!.trim(), parts[1]!.trim());
}

/** A language the report has a translation for (default English). */
export function checkLanguage(lang: string | undefined): Parsed<ReportLanguage> {
  const l = lang ?? "en";
  if ((REPORT_LANGUAGES as readonly string[]).includes(l)) return { ok: true, value: l as ReportLanguage };
  return {
    ok: false,
    issue: {
      field: "lang",
      rule: "not_an_option",
      params: { values: [...REPORT_LANGUAGES] },
      message: `the report has no translation in "${l}" (available: ${REPORT_LANGUAGES.join(", ")})`,
    },
  };
}
