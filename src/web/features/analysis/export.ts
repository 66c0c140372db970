import { writeXlsx } from "../../../shared/xlsx.ts";
import { toCsv } from "../../app/ui/csv.ts";
import type { TableModel } from "./table-model.ts";

/** The descriptive table as CSV (the app's CSV writer: BOM, CRLF, formula-safe text). */
export const csvFile = (m: TableModel): Blob =>
  toCsv(
    m.header,
    m.rows.map((r) => r.cells),
  );

/** The descriptive table and the test results as an XLSX workbook (the app's XLSX writer). */
export function xlsxFile(
  m: TableModel,
  sheet: string,
  tests: { sheet: string; header: string[]; rows: Array<Array<string | number | null>> },
): Blob {
  const bytes = writeXlsx([
    {
      name: sheet,
      columns: m.header.map((header, i) => ({ header, width: i === 0 ? 28 : 14 })),
      rows: m.rows.map((r) => r.cells),
    },
    {
      name: tests.sheet,
      columns: tests.header.map((header) => ({ header, width: 18 })),
      rows: tests.rows,
    },
  ]);
  return new Blob([bytes as BlobPart], {
    type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  });
}
