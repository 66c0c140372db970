import { describe, expect, it } from "vitest";
import { type ValidationIssue, validationMessage } from "../../src/shared/validation-messages.ts";
import { type Who, withRegistryWorld } from "../support/registry-world.ts";
import { createPatient, daysAgo, issuesOf, measureCounts, ok, phq9, thisYear } from "./support.ts";

let s1Patient: { id: number };
let s3Patient: { id: number };
const { w, c } = withRegistryWorld(async () => {
  s1Patient = await createPatient(w, w.ids.sites.s1);
  s3Patient = await createPatient(w, w.ids.sites.s3);
});

const phqBody = (extra: Record<string, unknown> = {}) => ({
  instrument: "PHQ-9",
  date: daysAgo(2),
  timepoint: "baseline",
  respondent: "patient",
  items: phq9([1, 2, 0, 1, 0, 0, 1, 0, 1]),
  ...extra,
});

describe("recording an administration", () => {
  it.each<[Who, "s1" | "s3", number]>([
    ["admin", "s1", 201],
    ["coordinator", "s1", 201],
    ["sitecoord1", "s1", 201],
    ["clinician1", "s1", 201],
    ["clinician1", "s3", 403],
    ["clinician2", "s1", 403],
    ["clinician3", "s3", 201],
    ["coordinator", "s3", 403],
    ["viewer", "s1", 403],
    ["anonymous", "s1", 401],
  ])("%s for a patient of %s → %i; stored and audited only on success", async (who, home, status) => {
    const patient = home === "s1" ? s1Patient : s3Patient;
    const before = await measureCounts(w);
    const res = await c[who].post(`/api/patients/${patient.id}/administrations`, phqBody());
    expect(res.statusCode, res.body).toBe(status);
    const after = await measureCounts(w);
    const stored = status === 201 ? 1 : 0;
    expect(after.assessments - before.assessments).toBe(stored);
    expect(after.measure_administrations - before.measure_administrations).toBe(stored);
    if (status !== 201) return;
    const a = res.json();
    expect(a).toMatchObject({
      code: expect.stringMatching(/^A-[0-9A-Z]{10}$/),
      instrument: "PHQ-9",
      instrumentVersion: "1",
      entry: "items",
      total: 6,
      result: { band: { code: "mild" }, flags: [{ code: "self_harm_thoughts" }] },
    });
    const row = await w.database.db
      .selectFrom("assessments")
      .selectAll()
      .where("code", "=", a.code)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      instrument: "PHQ-9",
      respondent: "patient",
      timepoint: "baseline",
      total_score: 6,
    });
    const [entry] = await w.audit({ entity: "measure_administration", action: "create", entityId: a.id });
    expect(entry).toMatchObject({ actor: who, detail: { before: null, after: { total: 6 } } });
  });

  it("records a total only, with its band", async () => {
    const res = await c.clinician3.post(`/api/patients/${s3Patient.id}/administrations`, {
      instrument: "IMRS-CLINICIAN",
      date: daysAgo(1),
      timepoint: "end",
      respondent: "clinician",
      totalScore: 54,
    });
    expect(ok(res, 201)).toMatchObject({
      entry: "total",
      answers: null,
      total: 54,
      result: { meanItemScore: 3.6 },
    });
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    [
      "an answer that does not belong to the item",
      { items: phq9([1, 2, 0, 1, 0, 0, 1, 0, 4]) },
      ["body.items.9:not_an_option"],
    ],
    [
      "an item the instrument does not have",
      { items: { ...phq9([0, 0, 0, 0, 0, 0, 0, 0, 0]), "10": 1 } },
      ["body.items.10:unknown_item"],
    ],
    ["a total out of range", { items: undefined, totalScore: 28 }, ["body.totalScore:range"]],
    ["a fractional total", { items: undefined, totalScore: 12.5 }, ["body.totalScore:invalid_type"]],
    [
      "a total for an instrument without one",
      { instrument: "C-SSRS", respondent: "clinician", items: undefined, totalScore: 3 },
      ["body.totalScore:no_total"],
    ],
    ["both items and a total", { totalScore: 6 }, ["body.totalScore:exclusive"]],
    ["neither items nor a total", { items: undefined }, ["body.items:required"]],
    ["no item answered", { items: { "1": null } }, ["body.items:empty"]],
    ["a future date", { date: "2999-01-01" }, ["body.date:future"]],
    ["a date before the birth year", { date: `${thisYear() - 30}-06-01` }, ["body.date:before_birth"]],
    ["an unknown instrument", { instrument: "HAM-D" }, ["body.instrument:unknown_instrument"]],
    ["a respondent the instrument does not take", { respondent: "family" }, ["body.respondent:respondent"]],
    ["an unknown timepoint", { timepoint: "midway" }, ["body.timepoint:invalid_value"]],
    ["an answer as text", { items: { "1": "2" } }, ["body.items.1:invalid_type"]],
    ["an unknown field", { patientName: "Mario" }, ["body.patientName:unrecognized_keys"]],
  ])("refuses %s with 400 naming the field, storing nothing", async (_name, patch, expected) => {
    const before = await measureCounts(w);
    const res = await c.clinician1.post(`/api/patients/${s1Patient.id}/administrations`, phqBody(patch));
    expect(res.statusCode, res.body).toBe(400);
    expect(issuesOf(res)).toEqual(expected);
    expect(await measureCounts(w)).toEqual(before);
  });

  it.each<[string, Record<string, unknown>, string, string]>([
    [
      "an answer of item 9",
      { items: phq9([1, 2, 0, 1, 0, 0, 1, 0, 4]) },
      "Item 9 must be one of 0, 1, 2 or 3",
      "Item 9: scegli 0, 1, 2 o 3",
    ],
    [
      "a total out of range",
      { items: undefined, totalScore: 28 },
      "Total must be from 0 to 27",
      "Totale: deve essere tra 0 e 27",
    ],
    [
      "a fractional total",
      { items: undefined, totalScore: 12.5 },
      "Total must be a whole number",
      "Totale: deve essere un numero intero",
    ],
  ])(
    "says the range of %s in English and Italian, not only that it is out of range",
    async (_name, patch, en, italian) => {
      const res = await c.clinician1.post(`/api/patients/${s1Patient.id}/administrations`, phqBody(patch));
      const [issue] = res.json().issues as ValidationIssue[];
      const label = (lang: "en" | "it") =>
        issue!.rule === "not_an_option" ? "Item 9" : lang === "en" ? "Total" : "Totale";
      expect(validationMessage(issue!, "en", { label: label("en") })).toBe(en);
      expect(validationMessage(issue!, "it", { label: label("it") })).toBe(italian);
    },
  );

  it("answers 404 for an unknown patient", async () => {
    expect((await c.admin.post("/api/patients/999999/administrations", phqBody())).statusCode).toBe(404);
  });
});

describe("listing a patient's administrations", () => {
  it.each<[Who, "s1" | "s3", number]>([
    ["clinician1", "s1", 200],
    ["clinician1", "s3", 403],
    ["clinician3", "s3", 200],
    ["viewer", "s1", 403],
    ["anonymous", "s1", 401],
  ])("%s reading a patient of %s → %i, audited", async (who, home, status) => {
    const patient = home === "s1" ? s1Patient : s3Patient;
    const res = await c[who].get(`/api/patients/${patient.id}/administrations?instrument=PHQ-9`);
    expect(res.statusCode, res.body).toBe(status);
    if (status !== 200) return;
    for (const a of res.json().items) expect(a.instrument).toBe("PHQ-9");
    const [entry] = await w.audit({ entity: "measure_administration", action: "read", entityId: patient.id });
    expect(entry).toMatchObject({ actor: who });
  });
});

describe("the instrument library and live scoring", () => {
  it("lists every instrument with its range; any signed-in user, not anonymous", async () => {
    const list = ok(await c.viewer.get("/api/instruments"));
    expect(list.map((i: { code: string }) => i.code)).toContain("IMRS-CLIENT");
    expect((await w.anonymous.get("/api/instruments")).statusCode).toBe(401);
  });

  it("scores live without storing", async () => {
    const before = await measureCounts(w);
    const res = await c.clinician1.post("/api/instruments/PHQ-9/score", {
      items: phq9([3, 3, 3, 3, 3, 3, 3, 2]),
    });
    expect(ok(res)).toMatchObject({ total: 26, prorated: true, band: { code: "severe" }, missing: ["9"] });
    const bad = await c.clinician1.post("/api/instruments/PHQ-9/score", { items: { "3": 7 } });
    expect(issuesOf(bad)).toEqual(["body.items.3:not_an_option"]);
    expect((await c.clinician1.post("/api/instruments/NOPE/score", { totalScore: 1 })).statusCode).toBe(404);
    expect(await measureCounts(w)).toEqual(before);
  });

  it("ships no wording for score-only instruments until an administrator loads the service's licensed wording", async () => {
    const bare = ok(await c.clinician1.get("/api/instruments/GHQ-12"));
    expect(bare.items[0]).toMatchObject({
      id: "1",
      text: null,
      options: [
        { value: 0, label: null },
        { value: 1, label: null },
        { value: 2, label: null },
        { value: 3, label: null },
      ],
    });
    const wording = {
      licenceNote: "Licence 2025-017 held by the region",
      items: Object.fromEntries(
        Array.from({ length: 12 }, (_, i) => [String(i + 1), `Licensed item ${i + 1}`]),
      ),
      options: { "1": { "0": "Better than usual" } },
    };
    expect((await c.sitecoord1.put("/api/instruments/GHQ-12/wording", wording)).statusCode).toBe(403);
    const saved = ok(await c.admin.put("/api/instruments/GHQ-12/wording", wording));
    expect(saved).toMatchObject({ instrument: "GHQ-12", language: "en", version: 1 });
    const loaded = ok(await c.clinician1.get("/api/instruments/GHQ-12"));
    expect(loaded.wordingLoaded).toBe(true);
    expect(loaded.items[0]).toMatchObject({
      text: "Licensed item 1",
      options: [{ label: "Better than usual" }, { label: null }, { label: null }, { label: null }],
    });
    const before = await measureCounts(w);
    const bad = await c.admin.put("/api/instruments/GHQ-12/wording", {
      ...wording,
      items: { ...wording.items, "13": "x" },
      options: { "1": { "9": "x" } },
    });
    expect(issuesOf(bad)).toEqual(["body.items.13:unknown_item", "body.options.1.9:not_an_option"]);
    expect(issuesOf(await c.admin.put("/api/instruments/PHQ-9/wording", wording))).toContain(
      "params.code:texts_included",
    );
    expect(await measureCounts(w)).toEqual(before);
  });

  it("in Italian, shows no English texts: score-only until the service loads the published Italian", async () => {
    const english = ok(await c.clinician1.get("/api/instruments/PHQ-9?language=en"));
    expect(english.textsIncluded).toBe(true);
    expect(english.items[0]).toMatchObject({ id: "1", text: "Little interest or pleasure in doing things" });
    const bare = ok(await c.clinician1.get("/api/instruments/PHQ-9?language=it"));
    expect(bare.textsIncluded).toBe(false);
    expect(bare.instructions).toBeNull();
    expect(bare.items[0].text).toBeNull();
    expect(bare.items[0].options.map((o: { label: string | null }) => o.label)).toEqual([
      null,
      null,
      null,
      null,
    ]);
    expect(bare.bands.map((b: { code: string }) => b.code)).toEqual(
      english.bands.map((b: { code: string }) => b.code),
    );
    const list = ok(await c.clinician1.get("/api/instruments?language=it"));
    expect(list.find((i: { code: string }) => i.code === "PHQ-9").textsIncluded).toBe(false);

    const wording = {
      language: "it",
      licenceNote: "Pfizer: no permission required to reproduce, translate, display or distribute",
      items: Object.fromEntries(Array.from({ length: 9 }, (_, i) => [String(i + 1), `Domanda ${i + 1}`])),
      options: { "1": { "0": "Mai" } },
    };
    expect((await c.sitecoord1.put("/api/instruments/PHQ-9/wording", wording)).statusCode).toBe(403);
    expect(ok(await c.admin.put("/api/instruments/PHQ-9/wording", wording))).toMatchObject({
      instrument: "PHQ-9",
      language: "it",
    });
    const loaded = ok(await c.clinician1.get("/api/instruments/PHQ-9?language=it"));
    expect(loaded).toMatchObject({ wordingLoaded: true, textsIncluded: false });
    expect(loaded.items[0].text).toBe("Domanda 1");
    expect(loaded.items[0].options.map((o: { label: string | null }) => o.label)).toEqual([
      "Mai",
      null,
      null,
      null,
    ]);
    // the English texts are untouched by the Italian wording
    expect(ok(await c.clinician1.get("/api/instruments/PHQ-9?language=en")).items[0].text).toBe(
      english.items[0].text,
    );
  });
});
