import { Writable } from "node:stream";
import { strFromU8, unzipSync } from "fflate";
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { exportFhir, FHIR_FILES } from "../../src/server/fhir/export-fhir.ts";
import type { Resource } from "../../src/server/fhir/resources.ts";
import { SYSTEM } from "../../src/server/infra/audit/audit.ts";
import { type Username, worldOfFile } from "../support/world.ts";
import { FHIR_VALIDATOR, parseNdjson, referencesIn, seedRegistry, validationMessages } from "./support.ts";

/**
 * GET /api/programmes/:id/export/fhir: the FHIR R4 export of a programme for a period. Every
 * resource is checked with the `fhir` package's validator (FHIR_VALIDATOR: fhir@4.12.0, R4 4.0.1)
 * and every reference must point at a resource of the same export. World: BPD-LOM at S1 and S2
 * (the exchange format's base extract), one IMR-LOM patient at S3.
 */
let files: Record<string, Resource[]>;
let planWithContent = 0;
const PERIOD = "from=2024-01-01&to=2024-12-31";
const url = (id: number, query = PERIOD) => `/api/programmes/${id}/export/fhir?${query}`;

const exportCount = async () =>
  (
    await sql<{ n: number }>`
      select count(*)::int as n from audit_log where action = 'export' and detail->>'format' = 'fhir'`.execute(
      w.database.db,
    )
  ).rows[0]!.n;

const w = worldOfFile(async () => {
  await seedRegistry(w);
  // A practice's own intervention type: it joins the CodeSystem.
  await w.database.db
    .insertInto("practice_versions")
    .values({
      practice_id: w.ids.practices.bpd,
      version: 2,
      definition: JSON.stringify({
        interventionTypes: [{ code: "phone_coaching", label: "DBT phone coaching", psychosocial: true }],
      }),
    })
    .execute();
  // One plan gets its content (issue 13, part 3): two goals, actions by the person and a professional.
  const plan = await w.database.db
    .selectFrom("treatment_plans")
    .select(["id", "site_id"])
    .orderBy("id")
    .executeTakeFirstOrThrow();
  const pro = await w.database.db
    .insertInto("professionals")
    .values({
      code: "CM-1",
      site_id: plan.site_id,
      profile: "nurse",
      in_implementation_team: false,
      team_coordinator: false,
      trained: true,
      training_hours: null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await w.database.db
    .insertInto("care_plan_contents")
    .values({
      plan_id: plan.id,
      goals: JSON.stringify([{ text: "Back to work" }, { text: "Sleep better" }]),
      actions: JSON.stringify([
        {
          text: "Sleep diary",
          goal: 1,
          who: { kind: "person" },
          dueDate: "2024-06-30",
          status: "in_progress",
        },
        {
          text: "Job coaching",
          goal: 0,
          who: { kind: "professional", professionalId: pro.id },
          dueDate: null,
          status: "planned",
        },
      ]),
      review_date: "2024-09-01",
      version: 1,
    })
    .execute();
  planWithContent = plan.id;
  const res = await (await w.as("admin")).get(url(w.ids.programmes.bpd));
  expect(res.statusCode, res.body).toBe(200);
  const zip = unzipSync(res.rawPayload);
  files = Object.fromEntries(
    Object.entries(zip).map(([name, bytes]) => [name, parseNdjson(strFromU8(bytes))]),
  );
});

const all = () => Object.values(files).flat();
const ofType = (type: string) => files[`${type}.ndjson`] ?? [];

describe(`FHIR export: resources (validated by ${FHIR_VALIDATOR.package}@${FHIR_VALIDATOR.version}, FHIR ${FHIR_VALIDATOR.fhirVersion})`, () => {
  it("writes one NDJSON file per resource type, none of them empty, each holding its type only", () => {
    expect(Object.keys(files).sort()).toEqual([...FHIR_FILES].sort());
    for (const [name, resources] of Object.entries(files)) {
      expect(resources.length, name).toBeGreaterThan(0);
      for (const r of resources) expect(`${r.resourceType}.ndjson`).toBe(name);
    }
  });

  it("writes only resources the R4 validator accepts, without a warning", () => {
    const problems = all().flatMap((r) =>
      validationMessages(r).map((m) => `${r.resourceType}/${r.id}: ${m}`),
    );
    expect(problems).toEqual([]);
    expect(all().length).toBeGreaterThan(40);
  });

  it("the validator is not lenient: it refuses a broken resource", () => {
    const p = ofType("Patient")[0]!;
    expect(validationMessages({ ...p, gender: "F" })).not.toEqual([]);
    const e = ofType("EpisodeOfCare")[0]!;
    const { status: _, ...noStatus } = e;
    expect(validationMessages(noStatus as Resource)).not.toEqual([]);
  });

  it("every reference points at a resource of the export, and every report at an exported Measure", () => {
    const present = new Set(all().map((r) => `${r.resourceType}/${r.id}`));
    // `#id` points at a resource contained in the same resource (a care plan's goals)
    const contained = (r: Resource) =>
      new Set(((r.contained ?? []) as Array<{ id: string }>).map((c) => `#${c.id}`));
    const references = all().flatMap((r) =>
      referencesIn(r)
        .filter((ref) => !contained(r).has(ref))
        .map((ref) => [`${r.resourceType}/${r.id}`, ref]),
    );
    expect(references.length).toBeGreaterThan(30);
    expect(references.filter(([, ref]) => !present.has(ref!))).toEqual([]);
    const measures = new Set(ofType("Measure").map((m) => m.url));
    for (const report of ofType("MeasureReport")) expect(measures.has(report.measure)).toBe(true);
    const ids = all().map((r) => `${r.resourceType}/${r.id}`);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("gives patients their pseudonymous code, birth year and gender only, and nobody else's", () => {
    const patients = ofType("Patient");
    expect(
      patients
        .map((p) => [(p.identifier as Array<{ value: string }>)[0]!.value, p.birthDate, p.gender])
        .sort(),
    ).toEqual([
      ["P1", "1995", "female"],
      ["P2", "2001", "male"],
      ["P3", "1999", "other"],
    ]);
    for (const p of patients)
      expect(Object.keys(p).sort()).toEqual(["birthDate", "gender", "id", "identifier", "resourceType"]);
    expect(JSON.stringify(all())).not.toContain("ZP1");
  });

  it("maps enrolments, interventions, groups, plans and assessments", () => {
    const episodes = ofType("EpisodeOfCare");
    expect(episodes.map((e) => [e.status, e.period]).sort()).toEqual([
      ["active", { start: "2024-01-10" }],
      ["active", { start: "2024-03-05" }],
      ["finished", { start: "2024-02-01", end: "2024-06-30" }],
    ]);
    const procedures = ofType("Procedure");
    // I9 (2025) lies after the period.
    expect(procedures.map((p) => (p.identifier as Array<{ value: string }>)[0]!.value).sort()).toEqual([
      "I1",
      "I2",
      "I3",
      "I4",
    ]);
    const family = procedures.find((p) => (p.identifier as Array<{ value: string }>)[0]!.value === "I3")!;
    expect(family.code).toEqual({
      coding: [
        { system: "https://praxis-mh.org/fhir/CodeSystem/intervention-type", code: "family_intervention" },
      ],
    });
    expect(JSON.stringify(family.extension)).toContain('"code":"family"');
    const g1 = ofType("Group").find((g) => (g.identifier as Array<{ value: string }>)[0]!.value === "G1")!;
    expect(g1.quantity).toBe(2);
    expect((g1.member as Array<{ period: unknown }>).map((m) => m.period)).toEqual([
      { start: "2024-02-01" },
      { start: "2024-02-01", end: "2024-05-01" },
    ]);
    expect(ofType("CarePlan").map((c) => c.status)).toEqual(["active", "active"]);
    // the care plan's content (issue 13, part 3): contained goals, activities with who and status
    const withContent = ofType("CarePlan").find((c) => c.id === String(planWithContent))!;
    expect(
      (withContent.contained as Array<{ description: { text: string } }>).map((g) => g.description.text),
    ).toEqual(["Back to work", "Sleep better"]);
    expect(withContent.goal).toEqual([{ reference: "#goal-1" }, { reference: "#goal-2" }]);
    expect((withContent.activity as Array<{ detail: unknown }>).map((a) => a.detail)).toEqual([
      {
        status: "in-progress",
        description: "Sleep diary",
        goal: [{ reference: "#goal-2" }],
        scheduledPeriod: { end: "2024-06-30" },
        performer: [
          {
            reference: `Patient/${withContent.subject && (withContent.subject as { reference: string }).reference.split("/")[1]}`,
          },
        ],
      },
      {
        status: "not-started",
        description: "Job coaching",
        goal: [{ reference: "#goal-1" }],
        performer: [{ display: "CM-1 (nurse)" }],
      },
    ]);
    expect(JSON.stringify(withContent.extension)).toContain('"valueDate":"2024-09-01"');
    expect(ofType("QuestionnaireResponse")).toHaveLength(3);
    // A3 has no total score: no Observation.
    expect(
      ofType("Observation")
        .map((o) => (o.valueQuantity as { value: number }).value)
        .sort(),
    ).toEqual([18, 2.35]);
  });

  it("writes the intervention-type CodeSystem, holding every code the Procedures use", () => {
    const [codeSystem] = ofType("CodeSystem");
    expect(codeSystem!.url).toBe("https://praxis-mh.org/fhir/CodeSystem/intervention-type");
    const concepts = new Set((codeSystem!.concept as Array<{ code: string }>).map((c) => c.code));
    expect(concepts.has("family_intervention")).toBe(true);
    expect(codeSystem!.concept).toContainEqual({ code: "phone_coaching", display: "DBT phone coaching" });
    for (const p of ofType("Procedure")) {
      const { system, code } = (p.code as { coding: Array<{ system: string; code: string }> }).coding[0]!;
      expect(system).toBe(codeSystem!.url);
      expect(concepts.has(code), code).toBe(true);
    }
  });

  it("reports each indicator as of the period's end, for the programme and by site", () => {
    const enrolled = ofType("MeasureReport").find((r) => r.id === "enrolled")!;
    expect(enrolled.period).toEqual({ start: "2024-01-01", end: "2024-12-31" });
    const group = (enrolled.group as Array<Record<string, unknown>>)[0]!;
    expect(group.measureScore).toEqual({ value: 3 });
    const strata = (group.stratifier as Array<{ stratum: Array<{ value: { text: string } }> }>)[0]!.stratum;
    expect(strata.map((s) => s.value.text)).toEqual(["S1", "S2"]);
  });
});

describe("FHIR export: access, audit and refusals", () => {
  it("lets the programme's coordinator export it, and audits each export as a read", async () => {
    const before = await exportCount();
    const res = await (await w.as("coordinator")).get(url(w.ids.programmes.bpd));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers["content-type"]).toBe("application/zip");
    expect(res.headers["content-disposition"]).toBe('attachment; filename="BPD-LOM-fhir.zip"');
    expect(await exportCount()).toBe(before + 1);
    const [entry] = await w.audit({ action: "export", entity: "programme" });
    expect(entry!.actor).toBe("coordinator");
    expect(entry!.detail).toMatchObject({ format: "fhir", from: "2024-01-01", to: "2024-12-31" });
  });

  it.each<Username>(["sitecoord1", "clinician1", "viewer"])("refuses %s (403)", async (u) => {
    expect((await (await w.as(u)).get(url(w.ids.programmes.bpd))).statusCode).toBe(403);
  });

  it("refuses a coordinator another programme (403), an unknown one (404), and anonymous callers (401)", async () => {
    const coordinator = await w.as("coordinator");
    expect((await coordinator.get(url(w.ids.programmes.imr))).statusCode).toBe(403);
    expect((await coordinator.get(url(999999))).statusCode).toBe(404);
    expect((await w.anonymous.get(url(w.ids.programmes.bpd))).statusCode).toBe(401);
  });

  it.each([
    ["to=2024-12-31", "querystring.from", "required"],
    ["from=&to=2024-12-31", "querystring.from", "required"],
    ["from=2024-01-01", "querystring.to", "required"],
    ["from=2024-13-01&to=2024-12-31", "querystring.from", "calendar_date"],
    ["from=yesterday&to=2024-12-31", "querystring.from", "invalid_format"],
    ["from=2024-06-01&to=2024-05-31", "querystring.to", "end_before_start"],
  ])("refuses the period %s (400, %s %s) and writes nothing", async (query, field, rule) => {
    const before = await exportCount();
    const res = await (await w.as("admin")).get(url(w.ids.programmes.bpd, query));
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().issues).toEqual([expect.objectContaining({ field, rule })]);
    expect(await exportCount()).toBe(before);
  });

  it("accepts a one-day period", async () => {
    const res = await (await w.as("admin")).get(url(w.ids.programmes.bpd, "from=2024-01-12&to=2024-01-12"));
    expect(res.statusCode, res.body).toBe(200);
    const procedures = parseNdjson(strFromU8(unzipSync(res.rawPayload)["Procedure.ndjson"]!));
    expect(procedures.map((p) => p.performedDateTime)).toEqual(["2024-01-12"]);
  });
});

describe("FHIR export: streaming", () => {
  /** Export BPD-LOM for 2024 in process, each file collected as text. */
  async function exportInMemory(pageSize?: number): Promise<Record<string, string>> {
    const programme = { id: w.ids.programmes.bpd, code: "BPD-LOM" };
    const texts: Record<string, string> = {};
    await exportFhir(
      w.database.db,
      programme,
      { from: "2024-01-01", to: "2024-12-31" },
      (file) => {
        texts[file] = "";
        return new Writable({
          write(chunk, _encoding, done) {
            texts[file] += String(chunk);
            done();
          },
        });
      },
      SYSTEM,
      pageSize === undefined ? {} : { pageSize },
    );
    return texts;
  }

  it("writes the same files whether the cursor fetches 2 rows a page or the default", async () => {
    const paged = await exportInMemory(2);
    expect(paged).toEqual(await exportInMemory());
    expect(parseNdjson(paged["Procedure.ndjson"]!)).toHaveLength(4);
  });
});
