import type { DashboardModel } from "./model.ts";

/** The table's order: by site code, or by one indicator's value. */
export interface SortState {
  column: "site" | string;
  descending: boolean;
}

/**
 * Sites in the chosen order. Cells without a value (no data, suppressed) always go last, in
 * code order, whichever the direction: they are not small values.
 */
export function sortSites(model: DashboardModel, sort: SortState): string[] {
  const codes = model.sites.map((s) => s.code);
  const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  if (sort.column === "site") {
    const out = [...codes].sort(byCode);
    return sort.descending ? out.reverse() : out;
  }
  const value = (code: string) => model.cell(sort.column, code).value;
  return [...codes].sort((a, b) => {
    const va = value(a);
    const vb = value(b);
    if (va === null && vb === null) return byCode(a, b);
    if (va === null) return 1;
    if (vb === null) return -1;
    if (va !== vb) return sort.descending ? vb - va : va - vb;
    return byCode(a, b);
  });
}
