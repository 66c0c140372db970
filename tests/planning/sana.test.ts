import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { today as regionToday, yearOf } from "../../src/server/infra/time/civil-date.ts";
import { type ValidationIssue, validationMessage } from "../../src/shared/validation-messages.ts";
import { createPlanningWorld, EVERYONE, type PlanningUser, type PlanningWorld } from "./support.ts";

let w: PlanningWorld;
let template: string;
beforeAll(async () => {
  w = await createPlanningWorld();
  template = `${w.base}/sana/template`;
});
afterAll(async () => {
  await w?.close();
});

const TEMPLATE = {
  areas: [
    {
      id: "demography",
      title: "Demography",
      indicators: [
        { id: "pop18", name: "Adult population", unit: "persons", type: "number" },
        { id: "young", name: "Share aged 18–30", unit: "%", type: "percentage" },
      ],
    },
    {
      id: "policy",
      title: "Policy and legislative framework",
      indicators: [
        { id: "plan", name: "Mental health plan in force", type: "yes_no" },
        { id: "law", name: "Main mental health law", type: "text" },
      ],
    },
  ],
};

async function put(user: PlanningUser, url: string, body: object) {
  const { version } = (await (await w.as("admin")).get(url)).json();
  return (await w.user(user)).put(url, { baseVersion: version, ...body });
}

describe("SANA", () => {
  it("has a template that only administrators and the programme's coordinators change", async () => {
    for (const u of EVERYONE) {
      const res = await put(u, template, TEMPLATE);
      expect(res.statusCode, u).toBe(u === "admin" || u === "coordinator" ? 200 : 403);
    }
    const read = await (await w.as("clinician1")).get(template);
    expect(read.json().content.areas[0].indicators.map((i: { id: string }) => i.id)).toEqual([
      "pop18",
      "young",
    ]);
  });

  it("takes values with source and year for the region and each site, checked against the template", async () => {
    const region = await put("coordinator", `${w.base}/sana/region`, {
      values: [
        { indicatorId: "pop18", value: 8_100_000, source: "ISTAT", year: 2023 },
        { indicatorId: "plan", value: true, source: "Regional decree", year: 2021 },
      ],
    });
    expect(region.statusCode, region.body).toBe(200);
    const site = await put("sitecoord1", `${w.base}/sana/sites/${w.ids.sites.s1}`, {
      values: [
        { indicatorId: "pop18", value: 280_000, source: "ASST", year: 2023 },
        { indicatorId: "young", value: 14.5, source: "ASST", year: 2023 },
      ],
    });
    expect(site.statusCode, site.body).toBe(200);
    const bad = await put("sitecoord2", `${w.base}/sana/sites/${w.ids.sites.s2}`, {
      values: [
        { indicatorId: "young", value: 140 },
        { indicatorId: "plan", value: "yes" },
        { indicatorId: "nope", value: 1 },
        { indicatorId: "pop18", value: 1, year: 1850 },
      ],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().issues.map((i: { field: string }) => i.field)).toEqual(["body.values.3.year"]);
    // A year still to come is refused: a situation analysis describes what was.
    const future = await put("sitecoord1", `${w.base}/sana/sites/${w.ids.sites.s1}`, {
      values: [{ indicatorId: "pop18", value: 1, year: yearOf(regionToday()) + 1 }],
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().issues).toEqual([
      { field: "body.values.0.year", rule: "future", message: "cannot be in the future" },
    ]);
    const bad2 = await put("sitecoord2", `${w.base}/sana/sites/${w.ids.sites.s2}`, {
      values: [
        { indicatorId: "young", value: 140 },
        { indicatorId: "plan", value: "yes" },
        { indicatorId: "nope", value: 1 },
        { indicatorId: "young", value: 10 },
      ],
    });
    expect(bad2.json().issues.map((i: { field: string; rule: string }) => `${i.field} ${i.rule}`)).toEqual([
      "body.values.0.value range",
      "body.values.1.value type",
      "body.values.2.indicatorId reference",
      "body.values.3.indicatorId unique",
    ]);
    // The range and the type travel as params, so that Italian says them too
    const [range, type] = bad2.json().issues as ValidationIssue[];
    expect(range!.params).toEqual({ min: 0, max: 100 });
    expect(validationMessage(range!, "it", { label: "Valore" })).toBe("Valore: deve essere tra 0 e 100");
    expect(validationMessage(range!, "en", { label: "Value" })).toBe("Value must be from 0 to 100");
    expect(validationMessage(type!, "it", { label: "Valore" })).toBe("Valore: deve essere sì o no");
    expect(
      (await put("sitecoord1", `${w.base}/sana/sites/${w.ids.sites.s2}`, { values: [] })).statusCode,
    ).toBe(403);
  });

  it("compares the region and the sites side by side, for coordinators", async () => {
    const res = await (await w.as("coordinator")).get(`${w.base}/sana/compare`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.columns.map((c: { label: string; version: number }) => [c.label, c.version])).toEqual([
      ["Region", 1],
      ["S1", 1],
      ["S2", 0],
    ]);
    const pop = body.areas[0].indicators[0];
    expect(pop.values).toEqual([
      { value: 8_100_000, source: "ISTAT", year: 2023 },
      { value: 280_000, source: "ASST", year: 2023 },
      null,
    ]);
    expect(body.areas[1].indicators[0].values[0].value).toBe(true);
    for (const u of ["sitecoord1", "clinician1", "viewer", "imrcoord"] as const)
      expect((await (await w.user(u)).get(`${w.base}/sana/compare`)).statusCode, u).toBe(403);
  });

  it("refuses removing an indicator that has values, and allows removing an unused one", async () => {
    const inUse = await put("coordinator", template, {
      areas: [{ ...TEMPLATE.areas[0], indicators: [TEMPLATE.areas[0]!.indicators[0]] }, TEMPLATE.areas[1]],
    });
    expect(inUse.statusCode).toBe(409);
    expect(inUse.json().message).toContain('"Share aged 18–30" has a value for S1');
    const unused = await put("coordinator", template, {
      areas: [TEMPLATE.areas[0], { ...TEMPLATE.areas[1], indicators: [TEMPLATE.areas[1]!.indicators[0]] }],
    });
    expect(unused.statusCode, unused.body).toBe(200);
  });

  it("exports values to XLSX", async () => {
    const res = await (await w.as("sitecoord1")).get(`${w.base}/sana/sites/${w.ids.sites.s1}/export.xlsx`);
    expect(res.statusCode).toBe(200);
  });
});
