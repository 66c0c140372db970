/** What the text of a number field says. */
export type NumberReading =
  | { kind: "empty" }
  | { kind: "number"; value: number }
  /** Not a number at all ("19ab", "x", "-"). */
  | { kind: "text" }
  /** A number with a fraction where only whole numbers go ("2.5" for a birth year). */
  | { kind: "fraction" }
  /** More decimals than the field takes ("1.25" where one decimal goes). */
  | { kind: "decimals" };

const NUMBER = /^[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)$/;

/**
 * Read the text of a number field as people type it: spaces around are ignored, the decimal
 * separator is a point or a comma ("2,5" in Italian), the minus sign may be the typographic one
 * (−). Anything else is text, never a number guessed from part of it ("19ab" is not 19).
 */
export function readNumber(
  text: string,
  rules: { integer?: boolean | undefined; decimals?: number | undefined } = {},
): NumberReading {
  const t = text.trim().replace(/^−/, "-");
  if (t === "") return { kind: "empty" };
  if (!NUMBER.test(t)) return { kind: "text" };
  const value = Number(t.replace(",", "."));
  if (!Number.isFinite(value)) return { kind: "text" };
  if (rules.integer && !Number.isInteger(value)) return { kind: "fraction" };
  const places = /[.,](\d+)$/.exec(t)?.[1]?.replace(/0+$/, "").length ?? 0;
  if (rules.decimals !== undefined && places > rules.decimals) return { kind: "decimals" };
  return { kind: "number", value };
}

/**
 * What a save sends for a number field's value: null when empty, the number, or — when the user
 * typed something that is not a number — that text as typed, typed as the number it should be,
 * so that the server refuses it beside the field rather than the form saving an empty one.
 */
export const sentNumber = (value: number | string | null | undefined): number | null =>
  value === "" || value === null || value === undefined ? null : (value as number);
