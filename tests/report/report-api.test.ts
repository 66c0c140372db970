import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiRecord } from "../../src/server/indicators/schemas.ts";
import { today } from "../../src/server/infra/time/civil-date.ts";
import { clients, daysAgo, enrolledPatient, insertInterventions } from "../support/registry-world.ts";
import { createWorld, type Username, type World } from "../support/world.ts";
import { pdfText, written } from "./pdf-text.ts";

let w: World;
const from = daysAgo(365);
const to = today();
const url = (programme: number, q = `from=${from}&to=${to}`) => `/api/programmes/${programme}/report?${q}`;

beforeAll(async () => {
  w = await createWorld();
  await clients(w);
  const { s1, s2 } = w.ids.sites;
  const bpd = w.ids.programmes.bpd;
  // S1: seven patients observed through the early window, four with an intensive start; S2: two.
  for (let i = 0; i < 7; i++) {
    const { patient } = await enrolledPatient(w, s1, bpd, 120);
    const n = i < 4 ? 6 : 1;
    await insertInterventions(
      w,
      patient.id,
      s1,
      Array.from({ length: n }, (_, k) => ({ date: daysAgo(118 - k), type: "psychotherapy" })),
    );
  }
  for (let i = 0; i < 2; i++) await enrolledPatient(w, s2, bpd, 40);
}, 120_000);
afterAll(async () => {
  await w?.close();
});

/** An indicator record of the API. */
type Rec = ApiRecord;

async function apiValues(user: Username, programme: number, asOf: string) {
  const res = await (await w.as(user)).get(`/api/programmes/${programme}/indicators?asOf=${asOf}`);
  expect(res.statusCode, res.body).toBe(200);
  const body = res.json() as { indicators: Rec[]; definitions: Array<{ id: string; kind: string }> };
  const kind = new Map(body.definitions.map((d) => [d.id, d.kind]));
  return {
    rec: (id: string, site: string | null) => body.indicators.find((r) => r.id === id && r.site === site)!,
    kind,
  };
}

/** The line of a site's row in a table: its code and name, then the cells. */
const rowOf = (text: string, label: string, after: string) => {
  const at = text.indexOf(after);
  const line = text
    .slice(at)
    .split("\n")
    .find((l) => l.trim().startsWith(label));
  return line?.trim().replace(/\s+/g, " ") ?? "";
};

describe("GET /api/programmes/:id/report", () => {
  it("gives a coordinator a PDF whose numbers are the indicators API's for the same period", async () => {
    const c = await w.as("coordinator");
    const res = await c.get(url(w.ids.programmes.bpd));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers["content-type"]).toBe("application/pdf");
    expect(res.headers["content-disposition"]).toBe(
      `attachment; filename="report-BPD-LOM-${from}-${to}-en.pdf"`,
    );
    const text = pdfText(res.rawPayload);
    const { rec, kind } = await apiValues("coordinator", w.ids.programmes.bpd, to);
    expect(rec("enrolled", null).value).toBe(9);
    expect(text).toContain(`${rec("enrolled", null).value} patients enrolled up to ${to}`);
    expect(text).toContain(`${written("ratio", rec("intensive_start", null))} of the patients observed`);
    expect(text).toContain(
      `${rec("psychosocial_interventions", null).value} psychosocial interventions out of ${rec("interventions", null).value}`,
    );
    // every site row of the enrolment table and of the structured-assessment and case-manager tables
    for (const [site, name] of [
      ["S1", "Site one"],
      ["S2", "Site two"],
    ] as const) {
      expect(rowOf(text, `${site} ${name}`, "Patients enrolled by site")).toBe(
        `${site} ${name} ${written(kind.get("enrolled")!, rec("enrolled", site))}${site === "S2" ? "*" : ""}`,
      );
      for (const id of ["intensive_start", "structured_assessment", "case_manager", "family_involved"]) {
        const shown = written("ratio", rec(id, site));
        if (shown !== "–") expect(text).toContain(shown);
      }
    }
    expect(written("ratio", rec("intensive_start", "S1"))).toBe("57.1% (4/7)");
    expect(text).toContain("57.1% (4/7)");
  });

  it("withholds small cells from a viewer, as the indicators API does", async () => {
    const res = await (await w.as("viewer")).get(url(w.ids.programmes.bpd));
    expect(res.statusCode, res.body).toBe(200);
    const text = pdfText(res.rawPayload);
    const { rec } = await apiValues("viewer", w.ids.programmes.bpd, to);
    expect(rec("enrolled", "S2").suppressed).toBe(true);
    expect(rowOf(text, "S2 Site two", "Patients enrolled by site")).toBe("S2 Site two <5");
    expect(text).toContain("a cell counting 1–4 people is withheld");
    expect(text).not.toContain("(4/7)");
    expect(text).toContain(`${rec("enrolled", null).value} patients enrolled`);
  });

  it("writes HTML with SVG figures drawn on the server, in Italian too", async () => {
    const c = await w.as("admin");
    const en = await c.get(url(w.ids.programmes.bpd, `from=${from}&to=${to}&format=html`));
    expect(en.statusCode, en.body).toBe(200);
    expect(en.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(en.body.match(/<svg /g)?.length).toBeGreaterThanOrEqual(10);
    expect(en.body).toContain("2. Enrolment against target");
    const it = await c.get(url(w.ids.programmes.bpd, `from=${from}&to=${to}&format=html&lang=it`));
    expect(it.statusCode, it.body).toBe(200);
    expect(it.body).toContain('<html lang="it">');
    expect(it.body).toContain("2. Arruolamento rispetto all&#39;obiettivo");
    expect(it.body).not.toMatch(/\{\w+\}/);
  });

  it("says so for a programme with no data", async () => {
    const res = await (await w.as("admin")).get(url(w.ids.programmes.imr));
    expect(res.statusCode, res.body).toBe(200);
    const text = pdfText(res.rawPayload).replace(/\s+/g, " ");
    expect(text).toContain(`No patients are enrolled in this programme up to ${to}`);
    expect(text).toContain("No fidelity review recorded.");
  });

  it("audits every report handed out", async () => {
    await (await w.as("coordinator")).get(url(w.ids.programmes.bpd, `from=${from}&to=${to}&format=html`));
    const [entry] = await w.audit({ entity: "report", action: "export" });
    expect(entry).toMatchObject({
      actor: "coordinator",
      programmeId: w.ids.programmes.bpd,
      detail: { programme: "BPD-LOM", from, to, lang: "en", format: "html", suppressed: false },
    });
  });

  it.each([
    ["clinician3", 403],
    ["anonymous", 401],
  ] as const)("refuses %s (%i)", async (who, status) => {
    const client = who === "anonymous" ? w.anonymous : await w.as(who);
    const res = await client.get(url(w.ids.programmes.bpd, `from=${from}&to=${to}&format=html`));
    expect(res.statusCode, res.body).toBe(status);
  });

  it.each([
    ["", "querystring.from:required"],
    [`from=${to}&to=${from}`, "querystring.to:end_before_start"],
    [`from=${from}`, "querystring.to:required"],
    [`from=2025-02-30&to=${to}`, "querystring.from:calendar_date"],
    [`from=${from}&to=${to}&lang=fr`, "querystring.lang:not_an_option"],
    [`from=${from}&to=${to}&format=docx`, "querystring.format"],
  ])("refuses bad input %j (%s)", async (q, issue) => {
    const before = await w.audit({ entity: "report" });
    const res = await (await w.as("admin")).get(url(w.ids.programmes.bpd, q));
    expect(res.statusCode, res.body).toBe(400);
    const issues = (res.json().issues as Array<{ field: string; rule: string }>).map(
      (i) => `${i.field}:${i.rule}`,
    );
    expect(issues.join(" ")).toContain(issue);
    expect(await w.audit({ entity: "report" })).toHaveLength(before.length);
  });

  it("answers 404 for an unknown programme", async () => {
    const res = await (await w.as("admin")).get(url(999_999));
    expect(res.statusCode, res.body).toBe(404);
  });
});
