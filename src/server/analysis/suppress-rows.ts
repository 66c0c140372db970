import { isSmall } from "../core/small-cells.ts";
import { type Analysis, type DescriptiveRow, refusal } from "./analyse.ts";

/**
 * Small-cell suppression of an analysis for viewers — the indicators' rule and threshold
 * (indicators/suppression.ts: a cell counting 1–4 people is small) applied to the descriptive
 * table, whose group rows add up to the row of all like an indicator's site rows:
 *
 * 1. Primary: a row is suppressed when its n, or one of its category counts, is 1–4.
 * 2. Secondary: while the row of all is shown and the suppressed group rows could be derived
 *    from it — only one group row is suppressed, or the suppressed rows' n or one category's
 *    count summed is 1–4 — also suppress the shown group row with the smallest non-zero n (ties
 *    by key); with no such row left, suppress the row of all.
 * 3. A suppressed row keeps its key only; every figure is null.
 * 4. When any row is suppressed the test is withheld (refusal `suppressed`): a statistic over
 *    the suppressed groups would reveal them. Excluded counts of 1–4 are hidden too.
 */
export interface ShownRow extends Omit<DescriptiveRow, "n" | "percent"> {
  n: number | null;
  percent: number | null;
  suppressed: boolean;
}

export interface ShownAnalysis extends Omit<Analysis, "rows" | "excluded"> {
  rows: ShownRow[];
  excluded: { missingGroup: number | null; missingOutcome: number | null };
}

const counts = (r: DescriptiveRow) => (r.categories ?? []).map((c) => c.count);

/** Which rows to suppress (indices into `rows`; the row of all has key null). Pure. */
export function rowsToSuppress(rows: readonly DescriptiveRow[]): Set<number> {
  const out = new Set<number>();
  rows.forEach((r, i) => {
    if (isSmall(r.n) || counts(r).some(isSmall)) out.add(i);
  });
  const totalAt = rows.findIndex((r) => r.key === null);
  const groups = rows.map((_, i) => i).filter((i) => i !== totalAt);
  const suppressedGroups = () => groups.filter((i) => out.has(i));
  const derivable = () => {
    const s = suppressedGroups();
    if (s.length === 0) return false;
    if (s.length === 1) return true;
    if (isSmall(s.reduce((a, i) => a + rows[i]!.n, 0))) return true;
    const width = rows[totalAt]?.categories?.length ?? 0;
    for (let c = 0; c < width; c++)
      if (isSmall(s.reduce((a, i) => a + (rows[i]!.categories?.[c]?.count ?? 0), 0))) return true;
    return false;
  };
  while (totalAt !== -1 && !out.has(totalAt) && derivable()) {
    const candidates = groups.filter((i) => !out.has(i) && rows[i]!.n > 0);
    if (candidates.length === 0) {
      out.add(totalAt);
      break;
    }
    const best = candidates.reduce((b, i) => {
      const byN = rows[i]!.n - rows[b]!.n;
      return byN < 0 || (byN === 0 && String(rows[i]!.key) < String(rows[b]!.key)) ? i : b;
    });
    out.add(best);
  }
  return out;
}

const hidden = (r: DescriptiveRow): ShownRow => ({
  key: r.key,
  n: null,
  percent: null,
  summary: null,
  second: null,
  difference: null,
  categories: null,
  suppressed: true,
});

/** The analysis as a viewer may see it (`suppress` false: unchanged, every row shown). Pure. */
export function present(a: Analysis, suppress: boolean): ShownAnalysis {
  if (!suppress) return { ...a, rows: a.rows.map((r) => ({ ...r, suppressed: false })) };
  const off = rowsToSuppress(a.rows);
  // min and max are single patients' values: a viewer sees neither
  const noExtremes = (s: DescriptiveRow["summary"]) => (s ? { ...s, min: null, max: null } : null);
  const rows = a.rows.map((r, i) =>
    off.has(i)
      ? hidden(r)
      : {
          ...r,
          summary: noExtremes(r.summary),
          second: noExtremes(r.second),
          difference: noExtremes(r.difference),
          suppressed: false,
        },
  );
  const tests =
    off.size > 0
      ? a.tests.map((t) => ({ group: t.group, result: refusal(t.result.test, "suppressed") }))
      : a.tests;
  const small = (x: number) => (isSmall(x) ? null : x);
  return {
    rows,
    tests,
    excluded: {
      missingGroup: small(a.excluded.missingGroup),
      missingOutcome: small(a.excluded.missingOutcome),
    },
  };
}
