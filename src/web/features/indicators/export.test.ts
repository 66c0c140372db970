import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { toCsv } from "../../app/ui/csv.ts";
import { EXPORT_COLUMNS, exportRows, xlsxFile } from "./export.ts";
import { modelOf, sitesAtTarget, targetStatus } from "./model.ts";
import { sortSites } from "./sort.ts";
import type { IndicatorsResponse } from "./types.ts";

const cell = (
  numerator: number | null,
  denominator: number | null,
  value: number | null,
  suppressed = false,
  target: number | null = null,
  targetMet: boolean | null = null,
) => ({
  numerator,
  denominator,
  value,
  suppressed,
  smallSite: false,
  target,
  targetMet,
});
const site = (id: number, code: string, name: string) => ({
  id,
  code,
  name,
  areaCode: null,
  areaName: null,
  registered: true,
});

/** Three sites: one ahead, one with no one to count yet, one suppressed for a viewer. */
const data: IndicatorsResponse = {
  programme: { id: 1, code: "P-1", name: "Pilot, phase 1" },
  asOf: "2024-06-30",
  suppression: true,
  smallSiteThreshold: 5,
  sites: [site(1, "A", "Alpha"), site(2, "B", 'Beta "north"'), site(3, "C", "Gamma")],
  definitions: [
    {
      id: "early",
      label: "Early, intensive",
      description: "",
      kind: "ratio",
      target: 0.5,
      direction: "higher_is_better",
      targetSource: "programme",
      // B has a target of its own, lower is better there
      siteTargets: [
        { site: "A", target: 0.5, direction: "higher_is_better", source: "programme" },
        { site: "B", target: 0.2, direction: "lower_is_better", source: "site" },
        { site: "C", target: 0.5, direction: "higher_is_better", source: "programme" },
      ],
      source: "enrolments",
      builtIn: false,
      computedFrom: "records",
    },
    {
      id: "enrolled",
      label: "Enrolled",
      description: "",
      kind: "count",
      target: 30,
      direction: "higher_is_better",
      targetSource: "sites",
      siteTargets: ["A", "B", "C"].map((site) => ({
        site,
        target: 10,
        direction: "higher_is_better" as const,
        source: "definition" as const,
      })),
      source: "enrolments",
      builtIn: true,
      computedFrom: "facts",
    },
  ],
  pinned: ["early"],
  indicators: [
    { id: "early", site: "A", ...cell(6, 10, 0.6, false, 0.5, true) },
    { id: "early", site: "B", ...cell(0, 0, null, false, 0.2) },
    { id: "early", site: "C", ...cell(null, null, null, true, 0.5) },
    { id: "early", site: null, ...cell(9, 17, 9 / 17, false, 0.5, true) },
    { id: "enrolled", site: "A", ...cell(10, null, 10, false, 10, true) },
    { id: "enrolled", site: "B", ...cell(0, null, 0, false, 10, false) },
    { id: "enrolled", site: "C", ...cell(7, null, 7, false, 10, false) },
    { id: "enrolled", site: null, ...cell(17, null, 17, false, 30, false) },
  ],
};

describe("the dashboard's model, order and files", () => {
  const model = modelOf(data);

  it("sorts by value with no data and suppressed cells last, whichever the direction", () => {
    expect(sortSites(model, { column: "early", descending: true })).toEqual(["A", "B", "C"]);
    expect(sortSites(model, { column: "enrolled", descending: false })).toEqual(["B", "C", "A"]);
    expect(sortSites(model, { column: "site", descending: true })).toEqual(["C", "B", "A"]);
  });

  it("counts the sites at their own targets, a withheld value never met", () => {
    expect(sitesAtTarget(model, data.definitions[1]!)).toEqual({ met: 1, total: 3 });
    expect(sitesAtTarget(model, data.definitions[0]!)).toEqual({ met: 1, total: 3 });
  });

  it("gives each row its own target: a site's on its row, the programme's (for a count, the sum) on the programme row", () => {
    expect(model.target("early", "B")).toEqual({
      target: { value: 0.2, direction: "lower_is_better" },
      status: "none",
    });
    expect(model.target("early", "A").status).toBe("met");
    expect(model.target("enrolled", null)).toEqual({
      target: { value: 30, direction: "higher_is_better" },
      status: "notMet",
    });
  });

  it.each([
    ["higher: above", 0.6, 0.5, "higher_is_better", "met"],
    ["higher: equal", 0.5, 0.5, "higher_is_better", "met"],
    ["higher: below", 0.4, 0.5, "higher_is_better", "notMet"],
    ["lower: below", 0.1, 0.2, "lower_is_better", "met"],
    ["lower: above", 0.3, 0.2, "lower_is_better", "notMet"],
    ["no value", null, 0.2, "lower_is_better", "none"],
    ["no direction", 0.3, 0.2, null, "none"],
  ] as const)("targetStatus %s", (_what, value, target, direction, status) => {
    expect(targetStatus({ value: target, direction }, value)).toBe(status);
  });

  it("writes one CSV row per indicator and site, then the programme; empty = no value", async () => {
    const rows = exportRows(model, data.definitions, (m) => m.label);
    const text = await toCsv([...EXPORT_COLUMNS], rows).text();
    const lines = text.replace(/^\uFEFF/, "").split("\r\n");
    expect(lines[0]).toBe(EXPORT_COLUMNS.join(","));
    expect(lines[1]).toBe(
      'P-1,2024-06-30,early,"Early, intensive",ratio,A,Alpha,6,10,0.6,0.5,higher_is_better,false,false,true',
    );
    expect(lines[2]).toBe(
      'P-1,2024-06-30,early,"Early, intensive",ratio,B,"Beta ""north""",0,0,,0.2,lower_is_better,false,false,',
    );
    expect(lines[3]).toBe(
      'P-1,2024-06-30,early,"Early, intensive",ratio,C,Gamma,,,,0.5,higher_is_better,true,false,',
    );
    expect(lines[4]).toBe(
      `P-1,2024-06-30,early,"Early, intensive",ratio,,"Pilot, phase 1",9,17,${9 / 17},0.5,higher_is_better,false,false,true`,
    );
    expect(lines[8]).toBe(
      'P-1,2024-06-30,enrolled,Enrolled,count,,"Pilot, phase 1",17,,17,30,higher_is_better,false,false,false',
    );
    expect(lines).toHaveLength(1 + 8 + 1);
  });

  it("writes a workbook with the on-screen table and the values", async () => {
    const rows = exportRows(model, data.definitions, (m) => m.label);
    const blob = xlsxFile(model, data.definitions, rows, "Values", {
      name: "Table",
      siteHeading: "Site code",
      siteNameHeading: "Site name",
      programmeLabel: "All sites",
      heading: (m) => m.label,
      cell: (m, code) => model.cell(m.id, code).value,
    });
    const files = unzipSync(new Uint8Array(await blob.arrayBuffer()));
    const workbook = new TextDecoder().decode(files["xl/workbook.xml"]);
    expect(workbook).toContain('name="Table"');
    expect(workbook).toContain('name="Values"');
    const values = new TextDecoder().decode(files["xl/worksheets/sheet2.xml"]);
    expect(values).toContain("<v>0.6</v>");
  });
});
