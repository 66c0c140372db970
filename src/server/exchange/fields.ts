import type { ProblemList } from "./report.ts";

/**
 * Cell rules shared by every file of EXCHANGE-FORMAT.md. A `Row` is reused for every record of a
 * file (no allocation per row); each reader reports its own problem naming the column and returns
 * the normalised value, `null` for an empty cell, or `undefined` when the cell is invalid.
 */

const CODE = /^[A-Za-z0-9._-]{1,64}$/;
const SURROUNDING_SPACE = /^\s|\s$/;
/** Control characters other than tab, LF and CR never belong in a value (and NUL cannot be stored). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const INTEGER = /^\d+$/;
const DECIMAL = /^-?\d+(\.\d+)?$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export const CODE_RULE = "not a valid code: 1–64 letters, digits, '.', '_' or '-'";

export const isCode = (v: string) => CODE.test(v);

/**
 * A copy of a string that no longer shares memory with the chunk of text it was cut from. V8
 * represents a substring of 13 characters or more as a view of its parent (and a concatenation as
 * a pair of parts), so a code kept in a map would keep its whole 1 MiB chunk alive: everything
 * kept beyond the current row goes through here.
 */
export const detach = (s: string): string => (s.length < 13 ? s : Buffer.from(s, "utf8").toString("utf8"));

/** `YYYY-MM-DD`: "format" when not written so, "calendar" when the day does not exist, else null. */
export function dateProblem(v: string): "format" | "calendar" | null {
  if (v.length !== 10 || v.charCodeAt(4) !== 45 || v.charCodeAt(7) !== 45) return "format";
  for (const i of [0, 1, 2, 3, 5, 6, 8, 9]) {
    const c = v.charCodeAt(i);
    if (c < 48 || c > 57) return "format";
  }
  const y = Number(v.slice(0, 4));
  const m = Number(v.slice(5, 7));
  const d = Number(v.slice(8, 10));
  if (y < 1 || m < 1 || m > 12 || d < 1) return "calendar";
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  const max = m === 2 && leap ? 29 : DAYS_IN_MONTH[m - 1]!;
  return d > max ? "calendar" : null;
}

export class Row {
  fields: string[] = [];
  line = 0;
  ok = true;

  /**
   * @param columns the file's columns in the format's order
   * @param at for each of those columns, its position in the file's header
   */
  constructor(
    readonly file: string,
    readonly columns: readonly string[],
    private readonly at: readonly number[],
    private readonly problems: ProblemList,
  ) {}

  start(fields: string[], line: number): void {
    this.fields = fields;
    this.line = line;
    this.ok = true;
  }

  problem(col: number, message: string): void {
    this.ok = false;
    this.problems.add(this.file, this.line, this.columns[col]!, message);
  }

  /** The cell's text; null when empty (reported if required); undefined when it has surrounding spaces. */
  cell(col: number, required: boolean): string | null | undefined {
    const v = this.fields[this.at[col]!]!;
    if (v.length === 0) {
      if (required) this.problem(col, "a value is required");
      return null;
    }
    const a = v.charCodeAt(0);
    const b = v.charCodeAt(v.length - 1);
    if ((a <= 32 || a >= 127 || b <= 32 || b >= 127) && SURROUNDING_SPACE.test(v)) {
      this.problem(col, "leading or trailing spaces");
      return undefined;
    }
    return v;
  }

  code(col: number, required: boolean): string | null | undefined {
    const v = this.cell(col, required);
    if (!v) return v;
    if (!CODE.test(v)) {
      this.problem(col, `${CODE_RULE}: "${clip(v)}"`);
      return undefined;
    }
    return v;
  }

  /** Free text (names): no control characters other than tab and line ends, at most `max` characters. */
  text(col: number, required: boolean, max = 200): string | null | undefined {
    const v = this.cell(col, required);
    if (!v) return v;
    if (CONTROL.test(v)) {
      this.problem(col, "control characters are not allowed");
      return undefined;
    }
    if (v.length > max) {
      this.problem(col, `at most ${max} characters`);
      return undefined;
    }
    return v;
  }

  date(col: number, required: boolean): string | null | undefined {
    const v = this.cell(col, required);
    if (!v) return v;
    const p = dateProblem(v);
    if (p === "format") this.problem(col, `not a date: "${clip(v)}" (write YYYY-MM-DD)`);
    else if (p === "calendar") this.problem(col, `${v} is not a date on the calendar`);
    return p ? undefined : v;
  }

  /** `Y`/`N`, always required. */
  yn(col: number): boolean | undefined {
    const v = this.cell(col, true);
    if (v === "Y") return true;
    if (v === "N") return false;
    if (v) this.problem(col, `must be Y or N, not "${clip(v)}"`);
    return undefined;
  }

  int(col: number, required: boolean, min: number, max: number): number | null | undefined {
    const v = this.cell(col, required);
    if (v === null || v === undefined) return v;
    if (!INTEGER.test(v)) {
      this.problem(col, `not a whole number: "${clip(v)}" (plain digits only)`);
      return undefined;
    }
    const n = Number(v);
    if (n < min || n > max) {
      this.problem(col, `${v} is out of range ${min}–${max}`);
      return undefined;
    }
    return n;
  }

  /** A decimal with `.` and no thousands separator or exponent; returned as written (numeric in SQL). */
  decimal(col: number, required: boolean, min: number, max: number): string | null | undefined {
    const v = this.cell(col, required);
    if (!v) return v;
    if (!DECIMAL.test(v) || v.length > 30) {
      this.problem(
        col,
        v.includes(",")
          ? `not a number: "${clip(v)}" (use . as the decimal mark, no thousands separator)`
          : `not a number: "${clip(v)}" (digits with an optional . decimal part, no exponent)`,
      );
      return undefined;
    }
    const n = Number(v);
    if (n < min || n > max) {
      this.problem(col, `${v} is out of range ${rangeText(min, max)}`);
      return undefined;
    }
    return v;
  }

  oneOf(col: number, required: boolean, allowed: ReadonlySet<string>): string | null | undefined {
    const v = this.cell(col, required);
    if (!v) return v;
    if (!allowed.has(v)) {
      this.problem(col, `"${clip(v)}" is not one of ${[...allowed].join(", ")}`);
      return undefined;
    }
    return v;
  }

  matches(col: number, required: boolean, pattern: RegExp, what: string): string | null | undefined {
    const v = this.cell(col, required);
    if (!v) return v;
    if (!pattern.test(v)) {
      this.problem(col, `"${clip(v)}" is not ${what}`);
      return undefined;
    }
    return v;
  }
}

export function rangeText(min: number, max: number): string {
  return max === Number.POSITIVE_INFINITY ? `≥ ${min}` : `${min}–${max}`;
}

/** A value quoted in a message, cut short so one bad cell cannot flood the report. */
export function clip(v: string): string {
  return v.length > 40 ? `${v.slice(0, 40)}…` : v;
}
