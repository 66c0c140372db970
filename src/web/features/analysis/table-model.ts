import type { AnalysisResult, AnalysisRow, Summary } from "./types.ts";

export type TableCell = string | number | null;

export interface TableModel {
  header: string[];
  rows: Array<{ row: AnalysisRow; cells: TableCell[] }>;
}

export interface TableLabels {
  group: string;
  percent: string;
  mean: string;
  sd: string;
  median: string;
  q1: string;
  q3: string;
  first: string;
  second: string;
  difference: string;
  count: (category: string) => string;
  share: (category: string) => string;
  groupLabel: (key: string | null) => string;
  categoryLabel: (value: string) => string;
}

const STATS = ["mean", "sd", "median", "q1", "q3"] as const;

/**
 * The descriptive table of an analysis, one row per group and the row of all, as the page shows
 * it and as CSV and XLSX carry it: n and %, then mean, SD, median and quartiles (numeric: of the
 * outcome; pair: of each member and of the difference), or each category's count and %.
 * Suppressed rows keep their group and nothing else. Pure.
 */
export function tableModel(r: AnalysisResult, l: TableLabels): TableModel {
  const stats = (prefix: string) => STATS.map((s) => (prefix ? `${l[s]} (${prefix})` : l[s]));
  const categories = r.rows.find((x) => x.categories)?.categories?.map((c) => c.value) ?? [];
  const header = [
    l.group,
    "n",
    l.percent,
    ...(r.outcomeKind === "numeric" ? stats("") : []),
    ...(r.outcomeKind === "pair" ? [...stats(l.first), ...stats(l.second), ...stats(l.difference)] : []),
    ...(r.outcomeKind === "categorical"
      ? categories.flatMap((c) => [l.count(l.categoryLabel(c)), l.share(l.categoryLabel(c))])
      : []),
  ];
  const of = (s: Summary | null) => STATS.map((k) => s?.[k] ?? null);
  const rows = r.rows.map((row) => {
    const cells: TableCell[] = [l.groupLabel(row.key), row.n, row.percent];
    if (r.outcomeKind === "numeric") cells.push(...of(row.summary));
    if (r.outcomeKind === "pair") cells.push(...of(row.summary), ...of(row.second), ...of(row.difference));
    if (r.outcomeKind === "categorical")
      for (const c of categories) {
        const found = row.categories?.find((x) => x.value === c);
        cells.push(found?.count ?? null, found?.percent ?? null);
      }
    return { row, cells };
  });
  return { header, rows };
}
