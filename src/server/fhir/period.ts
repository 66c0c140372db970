import { CivilDate } from "../shared/schemas.ts";

/** Why a period is refused: the field (`from` or `to`), the rule (validation-messages.ts) and a sentence. */
export interface PeriodIssue {
  field: "from" | "to";
  rule: "required" | "invalid_format" | "calendar_date" | "end_before_start";
  message: string;
}

/**
 * A FHIR export's period: both days required, real calendar dates, the last not before the first
 * (one day is a period). The first issue found, or the period.
 */
export function checkPeriod(
  from: string | undefined,
  to: string | undefined,
): { period: { from: string; to: string } } | { issue: PeriodIssue } {
  for (const [field, value] of [
    ["from", from],
    ["to", to],
  ] as const) {
    if (value === undefined || value.trim() === "")
      return { issue: { field, rule: "required", message: "is required (YYYY-MM-DD)" } };
    const parsed = CivilDate.safeParse(value);
    if (!parsed.success) {
      const calendar = /^\d{4}-\d{2}-\d{2}$/.test(value);
      return {
        issue: {
          field,
          rule: calendar ? "calendar_date" : "invalid_format",
          message: calendar
            ? `"${value}" is not a date on the calendar`
            : `"${value}" is not a date (YYYY-MM-DD)`,
        },
      };
    }
  }
  if (to! < from!)
    return { issue: { field: "to", rule: "end_before_start", message: `${to} is before the start ${from}` } };
  return { period: { from: from!, to: to! } };
}
