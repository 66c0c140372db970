import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { columnName, writeXlsx, xmlText } from "../../../shared/xlsx.ts";
import { pdfSafe, renderPdf } from "./pdf.ts";

describe("XLSX writer", () => {
  it("names columns like a spreadsheet", () => {
    expect([0, 25, 26, 51, 52, 701, 702].map(columnName)).toEqual(["A", "Z", "AA", "AZ", "BA", "ZZ", "AAA"]);
  });

  it("escapes XML and drops characters XML forbids", () => {
    expect(xmlText('a<b & "c"\u0001\u0007')).toBe("a&lt;b &amp; &quot;c&quot;");
  });

  it("writes a workbook with unique, valid sheet names and typed cells", () => {
    const bytes = writeXlsx([
      {
        name: "Plan: 2024/25",
        columns: [{ header: "A" }, { header: "B" }],
        rows: [
          ["x", 3],
          [true, null],
        ],
      },
      { name: "Plan: 2024/25", columns: [{ header: "A" }], rows: [] },
    ]);
    const files = unzipSync(bytes);
    expect(Object.keys(files).sort()).toEqual(
      [
        "[Content_Types].xml",
        "_rels/.rels",
        "xl/workbook.xml",
        "xl/_rels/workbook.xml.rels",
        "xl/styles.xml",
        "xl/worksheets/sheet1.xml",
        "xl/worksheets/sheet2.xml",
      ].sort(),
    );
    const workbook = strFromU8(files["xl/workbook.xml"]!);
    expect(workbook).toContain('name="Plan  2024 25"');
    expect(workbook).toContain('name="Plan  2024 25-2"');
    const sheet = strFromU8(files["xl/worksheets/sheet1.xml"]!);
    expect(sheet).toContain('<c r="B2" s="2"><v>3</v></c>');
    expect(sheet).toContain('<c r="A3" s="2" t="b"><v>1</v></c>');
  });
});

describe("PDF renderer", () => {
  it("keeps what the standard fonts can draw and replaces the rest", () => {
    expect(pdfSafe("Città – €5 → ≥3 ✓ 漢")).toBe("Città – €5 -> >=3 v ?");
  });

  it("renders a report across pages", async () => {
    const pdf = await renderPdf({
      title: "Action plan — S1",
      lines: ["one line"],
      sections: [
        {
          heading: "Area",
          columns: [{ header: "A", weight: 2 }, { header: "B" }],
          rows: Array.from({ length: 80 }, (_, i) => [`row ${i} with some longer text to wrap around`, "x"]),
        },
        { heading: "Empty", columns: [{ header: "A" }], rows: [] },
      ],
    });
    const text = pdf.toString("latin1");
    expect(text.startsWith("%PDF-")).toBe(true);
    expect((text.match(/\/Type \/Page\b/g) ?? []).length).toBeGreaterThan(1);
  });
});
