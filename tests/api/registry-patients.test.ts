import { beforeAll, describe, expect, it } from "vitest";
import {
  createPatient,
  daysAgo,
  enrol,
  expectCreated,
  issuesOf,
  patientBody,
  registryCounts,
  thisYear,
  type Who,
  withRegistryWorld,
} from "../support/registry-world.ts";

const { w, c } = withRegistryWorld();

type SiteKey = "s1" | "s2" | "s3";

describe("registry: registering patients", () => {
  it.each<[Who, SiteKey, number]>([
    ["admin", "s3", 201],
    ["coordinator", "s1", 201],
    ["coordinator", "s2", 201],
    ["coordinator", "s3", 403],
    ["sitecoord1", "s1", 201],
    ["sitecoord1", "s2", 403],
    ["clinician1", "s1", 201],
    ["clinician1", "s3", 403],
    ["clinician3", "s3", 201],
    ["viewer", "s1", 403],
    ["anonymous", "s1", 401],
  ])("%s registering at %s → %i, and only successes are stored and audited", async (who, site, status) => {
    const before = await registryCounts(w);
    const res = await c[who].post("/api/patients", patientBody(w.ids.sites[site]));
    expect(res.statusCode, res.body).toBe(status);
    const after = await registryCounts(w);
    expect(after.patients - before.patients).toBe(status === 201 ? 1 : 0);
    if (status === 201) {
      const [entry] = await w.audit({ entity: "patient", action: "create", entityId: res.json().id });
      expect(entry!.actor).toBe(who);
      expect(entry!.siteId).toBe(w.ids.sites[site]);
      expect(entry!.detail.before).toBeNull();
      expect((entry!.detail.after as { code: string }).code).toBe(res.json().code);
    }
  });

  it("generates a pseudonymous code when none is given and keeps the one given", async () => {
    const generated = await createPatient(w, w.ids.sites.s1);
    expect(generated.code).toMatch(/^P-[0-9A-HJKMNP-TV-Z]{8}$/);
    expect(generated.registeredSiteId).toBe(w.ids.sites.s1);
    const given = await createPatient(w, w.ids.sites.s1, { code: "LOM-000123" });
    expect(given.code).toBe("LOM-000123");
    const dup = await c.admin.post("/api/patients", patientBody(w.ids.sites.s1, { code: "LOM-000123" }));
    expect(dup.statusCode).toBe(409);
    expect(issuesOf(dup)).toEqual(["body.code:unique"]);
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ["a name (never stored)", { name: "Mario Rossi" }, ["body.name:unrecognized_keys"]],
    [
      "an address and a tax code",
      { address: "x", taxCode: "y" },
      ["body.address:unrecognized_keys", "body.taxCode:unrecognized_keys"],
    ],
    ["birth year 1899", { birthYear: 1899 }, ["body.birthYear:too_small"]],
    ["birth year next year", { birthYear: thisYear() + 1 }, ["body.birthYear:future"]],
    ["birth year as text", { birthYear: "1990" }, ["body.birthYear:invalid_type"]],
    ["an unknown sex", { sex: "female" }, ["body.sex:invalid_value"]],
    ["a code with spaces", { code: "P 1" }, ["body.code:invalid_format"]],
    [
      "a date not on the calendar",
      { firstContactDate: "2023-02-30" },
      ["body.firstContactDate:calendar_date"],
    ],
    ["a first contact in the future", { firstContactDate: "2999-01-01" }, ["body.firstContactDate:future"]],
    [
      "a first contact before birth",
      { birthYear: 2000, firstContactDate: "1999-12-31" },
      ["body.firstContactDate:before_birth"],
    ],
    ["an unknown site", { siteId: 999999 }, ["body.siteId:reference"]],
    ["no site", { siteId: undefined }, ["body.siteId:required"]],
  ])("refuses %s with 400 naming the field, storing nothing", async (_name, patch, expected) => {
    const before = await registryCounts(w);
    const res = await c.admin.post("/api/patients", { ...patientBody(w.ids.sites.s1), ...patch });
    expect(res.statusCode, res.body).toBe(400);
    expect(issuesOf(res)).toEqual(expected);
    expect(await registryCounts(w)).toEqual(before);
  });
});

describe("registry: finding and reading patients", () => {
  let a: { id: number }; // registered at S1
  let b: { id: number }; // registered at S2
  let cc: { id: number }; // registered at S3
  let moved: { id: number }; // registered at S1, enrolled at S2
  beforeAll(async () => {
    a = await createPatient(w, w.ids.sites.s1, { code: "VIS-A" });
    b = await createPatient(w, w.ids.sites.s2, { code: "VIS-B" });
    cc = await createPatient(w, w.ids.sites.s3, { code: "VIS-C" });
    moved = await createPatient(w, w.ids.sites.s1, { code: "VIS-D" });
    await enrol(w, {
      patientId: moved.id,
      programmeId: w.ids.programmes.bpd,
      siteId: w.ids.sites.s2,
      enrolmentDate: daysAgo(5),
    });
  });

  it.each<[Who, number, string[]]>([
    ["admin", 200, ["VIS-A", "VIS-B", "VIS-C", "VIS-D"]],
    ["coordinator", 200, ["VIS-A", "VIS-B", "VIS-D"]],
    ["sitecoord1", 200, ["VIS-A", "VIS-D"]],
    ["clinician1", 200, ["VIS-A", "VIS-D"]],
    ["clinician2", 200, ["VIS-B", "VIS-D"]],
    ["clinician3", 200, ["VIS-C"]],
    ["viewer", 403, []],
    ["anonymous", 401, []],
  ])("lists for %s only the patients visible at their sites", async (who, status, codes) => {
    const res = await c[who].get("/api/patients?q=VIS-");
    expect(res.statusCode, res.body).toBe(status);
    if (status !== 200) return;
    expect(res.json().items.map((p: { code: string }) => p.code)).toEqual(codes);
    expect(res.json().total).toBe(codes.length);
  });

  it("filters by site, programme and code prefix, pages, and audits the read", async () => {
    const bySite = await c.coordinator.get(`/api/patients?q=VIS-&siteId=${w.ids.sites.s2}`);
    expect(bySite.json().items.map((p: { code: string }) => p.code)).toEqual(["VIS-B", "VIS-D"]);
    const byProgramme = await c.admin.get(`/api/patients?q=VIS-&programmeId=${w.ids.programmes.bpd}`);
    expect(byProgramme.json().items.map((p: { code: string }) => p.code)).toEqual(["VIS-D"]);
    const page = await c.admin.get("/api/patients?q=VIS-&limit=2&offset=2");
    expect(page.json()).toMatchObject({ total: 4, items: [{ code: "VIS-C" }, { code: "VIS-D" }] });
    const beyond = await c.admin.get("/api/patients?q=VIS-&limit=2&offset=10");
    expect(beyond.json()).toEqual({ total: 4, items: [] });
    const literal = await c.admin.get("/api/patients?q=VIS%25");
    expect(literal.json().total).toBe(0);
    const [entry] = await w.audit({ entity: "patient", action: "read", actor: "coordinator" });
    expect(entry!.siteId).toBe(w.ids.sites.s2);
    expect(entry!.detail.patientIds).toEqual([b.id, moved.id]);
  });

  it("refuses a site filter outside the user's sites, and bad query parameters", async () => {
    expect((await c.clinician1.get(`/api/patients?siteId=${w.ids.sites.s3}`)).statusCode).toBe(403);
    const bad = await c.admin.get("/api/patients?limit=0&name=x");
    expect(bad.statusCode).toBe(400);
    expect(issuesOf(bad)).toEqual(["querystring.limit:too_small", "querystring.name:unrecognized_keys"]);
  });

  it.each<[Who, "a" | "b" | "c" | "moved", number]>([
    ["clinician1", "a", 200],
    ["clinician1", "c", 403],
    ["clinician1", "b", 403],
    ["clinician2", "moved", 200],
    ["coordinator", "b", 200],
    ["coordinator", "c", 403],
    ["clinician3", "c", 200],
    ["admin", "c", 200],
    ["viewer", "a", 403],
    ["anonymous", "a", 401],
  ])("GET one: %s reading patient %s → %i; successful reads are audited", async (who, key, status) => {
    const id = { a, b, c: cc, moved }[key].id;
    const res = await c[who].get(`/api/patients/${id}`);
    expect(res.statusCode, res.body).toBe(status);
    const entries = await w.audit({ entity: "patient", action: "read", entityId: id, actor: who });
    expect(entries.length > 0).toBe(status === 200);
    if (status === 200) expect(res.json().name).toBeUndefined();
  });

  it("shows a patient's enrolments, and answers 404 for an unknown id", async () => {
    const res = await c.clinician2.get(`/api/patients/${moved.id}`);
    expect(res.json().enrolments).toMatchObject([
      { programmeCode: "BPD-LOM", siteCode: "S2", endDate: null },
    ]);
    expect((await c.admin.get("/api/patients/999999")).statusCode).toBe(404);
    expect((await c.viewer.get("/api/patients/999999")).statusCode).toBe(403);
  });

  it("never audits a refused read", async () => {
    await c.clinician3.get(`/api/patients/${a.id}`);
    const entries = await w.audit({ entity: "patient", action: "read", entityId: a.id, actor: "clinician3" });
    expect(entries).toEqual([]);
  });
});

describe("registry: correcting a patient", () => {
  it("lets a user who sees the patient correct them, audited with before and after", async () => {
    const p = await createPatient(w, w.ids.sites.s1);
    const res = await c.clinician1.patch(`/api/patients/${p.id}`, { sex: "X", residenceArea: "ATS-N" });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ sex: "X", residenceArea: "ATS-N" });
    const [entry] = await w.audit({ entity: "patient", action: "update", entityId: p.id });
    expect(entry!.detail).toMatchObject({ before: { sex: "F" }, after: { sex: "X" } });
  });

  it.each<[Who, number]>([
    ["clinician3", 403],
    ["clinician2", 403],
    ["viewer", 403],
    ["anonymous", 401],
  ])("refuses %s (%i) and changes nothing", async (who, status) => {
    const p = await createPatient(w, w.ids.sites.s1);
    const res = await c[who].patch(`/api/patients/${p.id}`, { sex: "M" });
    expect(res.statusCode).toBe(status);
    expect((await c.admin.get(`/api/patients/${p.id}`)).json().sex).toBe("F");
  });

  it("refuses a birth year after the patient's care records, unknown fields and empty changes", async () => {
    const p = await createPatient(w, w.ids.sites.s1, { birthYear: 2000, firstContactDate: null });
    expectCreated(
      await c.admin.post("/api/interventions", {
        patientId: p.id,
        siteId: w.ids.sites.s1,
        date: "2020-05-01",
        type: "assessment",
      }),
    );
    const late = await c.admin.patch(`/api/patients/${p.id}`, { birthYear: 2021 });
    expect(late.statusCode).toBe(400);
    expect(issuesOf(late)).toEqual(["body.birthYear:records_before_birth"]);
    // An unknown field is refused, and so is a body that changes nothing.
    expect(issuesOf(await c.admin.patch(`/api/patients/${p.id}`, { name: "x" }))).toEqual([
      "body.name:unrecognized_keys",
      "body:custom",
    ]);
    expect((await c.admin.patch(`/api/patients/${p.id}`, {})).statusCode).toBe(400);
    expect((await c.admin.patch("/api/patients/999999", { sex: "M" })).statusCode).toBe(404);
    expect((await c.admin.get(`/api/patients/${p.id}`)).json().birthYear).toBe(2000);
  });
});
