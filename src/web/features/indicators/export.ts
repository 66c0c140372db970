import { writeXlsx, type Cell as XlsxCell } from "../../../shared/xlsx.ts";
import { type CsvValue, toCsv } from "../../app/ui/csv.ts";
import type { DashboardModel } from "./model.ts";
import type { IndicatorMeta } from "./types.ts";

/**
 * The indicator table as files. There is no export endpoint for indicators on the server, so
 * the browser writes them from the very answer it shows (what a viewer downloads is exactly
 * what the server let them see: suppressed cells stay empty, flagged `suppressed`).
 *
 * One row per indicator and site, then the programme row (site empty), values unrounded — the
 * columns of `praxis indicators --format csv` with the labels and flags beside them. `target` and
 * `direction` are the row's own (a site's target on its row, the programme's on the programme
 * row); `target_met` (true, false, or empty when there is nothing to judge) comes last, so every
 * earlier column keeps its place (docs/indicators.md, "Targets").
 */
export const EXPORT_COLUMNS = [
  "programme",
  "as_of",
  "id",
  "indicator",
  "kind",
  "site",
  "site_name",
  "numerator",
  "denominator",
  "value",
  "target",
  "direction",
  "suppressed",
  "small_site",
  "target_met",
] as const;

export function exportRows(
  model: DashboardModel,
  indicators: IndicatorMeta[],
  label: (m: IndicatorMeta) => string,
): CsvValue[][] {
  const { programme, asOf } = model.data;
  const rows: CsvValue[][] = [];
  const places: Array<{ code: string | null; name: string }> = [
    ...model.sites.map((s) => ({ code: s.code, name: s.name })),
    { code: null, name: programme.name },
  ];
  for (const m of indicators) {
    for (const p of places) {
      const c = model.cell(m.id, p.code);
      const { target, status } = model.target(m.id, p.code);
      rows.push([
        programme.code,
        asOf,
        m.id,
        label(m),
        m.kind,
        p.code,
        p.name,
        c.numerator,
        c.denominator,
        c.value,
        target?.value ?? null,
        target ? target.direction : m.direction,
        c.suppressed,
        c.smallSite,
        status === "none" ? null : status === "met",
      ]);
    }
  }
  return rows;
}

export function csvFile(rows: CsvValue[][]): Blob {
  return toCsv([...EXPORT_COLUMNS], rows);
}

/** The wide sheet: a row per site (and the programme), a column per indicator, as shown on screen. */
export interface WideSheet {
  name: string;
  siteHeading: string;
  siteNameHeading: string;
  programmeLabel: string;
  /** A column heading (percentages say so). */
  heading: (m: IndicatorMeta) => string;
  /** What a cell shows: a number, or the words for "<5" and "no data". */
  cell: (m: IndicatorMeta, code: string | null) => XlsxCell;
}

export function xlsxFile(
  model: DashboardModel,
  indicators: IndicatorMeta[],
  rows: CsvValue[][],
  values: string,
  wide: WideSheet,
): Blob {
  const places = [
    ...model.sites.map((s) => ({ code: s.code as string | null, name: s.name })),
    { code: null, name: wide.programmeLabel },
  ];
  const bytes = writeXlsx([
    {
      name: wide.name,
      columns: [
        { header: wide.siteHeading, width: 16 },
        { header: wide.siteNameHeading, width: 36 },
        ...indicators.map((m) => ({ header: wide.heading(m), width: 18 })),
      ],
      rows: places.map((p) => [p.code ?? "", p.name, ...indicators.map((m) => wide.cell(m, p.code))]),
    },
    {
      name: values,
      columns: EXPORT_COLUMNS.map((h) => ({
        header: h,
        width: h === "indicator" || h === "site_name" ? 36 : 14,
      })),
      rows: rows.map((r) => r.map((v) => (v === undefined ? null : v))),
    },
  ]);
  return new Blob([bytes as BlobPart], {
    type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  });
}
