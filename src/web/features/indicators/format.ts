import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import type { Cell, IndicatorMeta } from "./types.ts";

/** What a cell shows: a number, a suppressed small cell ("<5"), or no data (never 0). */
export type CellState = "value" | "suppressed" | "noData";

export function cellState(cell: Pick<Cell, "value" | "suppressed">): CellState {
  if (cell.suppressed) return "suppressed";
  return cell.value === null ? "noData" : "value";
}

/** Whether a value reaches the target, in the indicator's direction; "none" without one of them. */
export type Status = "met" | "notMet" | "none";

export function statusOf(meta: Pick<IndicatorMeta, "target" | "direction">, value: number | null): Status {
  if (value === null || meta.target === null || meta.direction === null) return "none";
  const met = meta.direction === "higher_is_better" ? value >= meta.target : value <= meta.target;
  return met ? "met" : "notMet";
}

export const STATUS_COLOR: Record<Status, string> = { met: "teal", notMet: "red", none: "gray" };

/** Numbers in the user's language: ratios as percentages, counts whole, medians with a decimal. */
export function useFormat() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  /** A value alone (no state): for axes, targets and tooltips. */
  const number = useCallback(
    (kind: IndicatorMeta["kind"], value: number, digits = 1) =>
      kind === "ratio"
        ? new Intl.NumberFormat(lang, { style: "percent", maximumFractionDigits: digits }).format(value)
        : new Intl.NumberFormat(lang, { maximumFractionDigits: kind === "median" ? 1 : 0 }).format(value),
    [lang],
  );
  /** A cell's value as shown: "65.4%", "<5" for a suppressed cell, "no data" for a null value. */
  const value = useCallback(
    (kind: IndicatorMeta["kind"], cell: Pick<Cell, "value" | "suppressed">, digits = 1) => {
      const state = cellState(cell);
      if (state === "suppressed") return t("dashboard.suppressed");
      if (state === "noData" || cell.value === null) return t("dashboard.noData");
      return number(kind, cell.value, digits);
    },
    [t, number],
  );
  /** A target with its direction: "≥ 80%", "≤ 10%", or the bare value without a direction. */
  const target = useCallback(
    (kind: IndicatorMeta["kind"], t: { value: number; direction: IndicatorMeta["direction"] }) => {
      const n = number(kind, t.value);
      return t.direction === "higher_is_better" ? `≥ ${n}` : t.direction === "lower_is_better" ? `≤ ${n}` : n;
    },
    [number],
  );
  /** "17/26" for a ratio with a denominator; null otherwise. */
  const fraction = useCallback(
    (cell: Pick<Cell, "numerator" | "denominator">) => {
      if (cell.numerator === null || cell.denominator === null) return null;
      const f = new Intl.NumberFormat(lang);
      return `${f.format(cell.numerator)}/${f.format(cell.denominator)}`;
    },
    [lang],
  );
  /** A civil date (YYYY-MM-DD) in the user's language. */
  const date = useCallback(
    (iso: string, style: "medium" | "month" = "medium") =>
      new Intl.DateTimeFormat(
        lang,
        style === "month"
          ? { month: "short", year: "numeric", timeZone: "UTC" }
          : { dateStyle: "medium", timeZone: "UTC" },
      ).format(new Date(`${iso}T00:00:00Z`)),
    [lang],
  );
  return { number, value, target, fraction, date };
}
