import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recomputeFailure } from "../../src/server/programmes/parameter-impact.ts";
import { importFiles } from "../exchange/support.ts";
import { type Client, createWorld, type World } from "../support/world.ts";

/**
 * A refused write, a rejected import and a dry run leave the indicator facts exactly as they
 * were: the facts change in the same transaction as the data, so they roll back with it.
 */
let world: World;
let admin: Client;
let patientId = 0;

const FACT_TABLES = [
  "indicator_programme_params",
  "indicator_enrolment_facts",
  "indicator_site_days",
  "indicator_site_month_histograms",
];

async function factsSnapshot(): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of FACT_TABLES) {
    const { rows } = await sql<{ n: number; sum: string }>`
      select count(*)::int as n, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as sum
      from ${sql.table(table)} t`.execute(world.database.db);
    out[table] = `${rows[0]!.n}:${rows[0]!.sum}`;
  }
  return out;
}

beforeAll(async () => {
  world = await createWorld();
  admin = await world.as("admin");
  const p = await admin.post("/api/patients", { birthYear: 1999, sex: "F", siteId: world.ids.sites.s1 });
  patientId = p.json().id;
  const e = await admin.post("/api/enrolments", {
    patientId,
    programmeId: world.ids.programmes.bpd,
    siteId: world.ids.sites.s1,
    enrolmentDate: "2024-02-01",
    primaryDiagnosis: "F60.3",
    overrideReason: "no first-contact date recorded yet",
  });
  expect(e.statusCode).toBe(201);
  const i = await admin.post("/api/interventions", {
    patientId,
    siteId: world.ids.sites.s1,
    date: "2024-02-03",
    type: "psychoeducation",
  });
  expect(i.statusCode).toBe(201);
});
afterAll(async () => {
  await world?.close();
});

describe("indicator facts roll back with the data", () => {
  it("are counted after a write (the snapshot below is not empty)", async () => {
    const { rows } = await sql<{ n: number }>`select sum(psychosocial)::int as n from indicator_site_days
      where programme_id = ${world.ids.programmes.bpd}`.execute(world.database.db);
    expect(rows[0]!.n).toBe(1);
  });

  it("are untouched by a refused write (a second enrolment in the same programme: 409)", async () => {
    const before = await factsSnapshot();
    const res = await admin.post("/api/enrolments", {
      patientId,
      programmeId: world.ids.programmes.bpd,
      siteId: world.ids.sites.s2,
      enrolmentDate: "2024-03-01",
    });
    expect(res.statusCode).toBe(409);
    expect(await factsSnapshot()).toEqual(before);
  });

  it("are untouched by a batch refused as a whole (one row of the batch is invalid)", async () => {
    const before = await factsSnapshot();
    const res = await admin.post("/api/interventions/batch", {
      rows: [
        { patientId, siteId: world.ids.sites.s1, date: "2024-02-10", type: "psychotherapy" },
        { patientId, siteId: world.ids.sites.s1, date: "2024-02-11", type: "no_such_type" },
      ],
    });
    expect(res.statusCode).toBe(400);
    expect(await factsSnapshot()).toEqual(before);
  });

  it("are untouched by a dry run that did everything and by a rejected import", async () => {
    const files = {
      "sites.csv": "site_code,site_name,area_code,area_name\nS1,Site one,ATS-N,North\n",
      "patients.csv": "patient_code,birth_year,sex,residence_area,first_contact_date\nRB1,1998,M,,\n",
      "enrolments.csv":
        "enrolment_code,patient_code,programme_code,site_code,enrolment_date,end_date,end_reason,primary_diagnosis,secondary_diagnosis,case_manager_code,case_manager_profile\n" +
        "RBE1,RB1,BPD-LOM,S1,2024-04-01,,,F60.3,,,\n",
      "interventions.csv":
        "intervention_code,patient_code,site_code,date,type,setting,recipient,professional_code,professional_profile,duration_min,group_code,module\n" +
        "RBI1,RB1,S1,2024-04-02,psychoeducation,individual,patient,,,,,\n",
    };
    const before = await factsSnapshot();
    const dry = await importFiles(world.database, files, { dryRun: true });
    expect(dry.status).toBe("done");
    expect(await factsSnapshot()).toEqual(before);
    // The same extract from a coordinator whose scope does not hold site S1's programme rows.
    const rejected = await importFiles(world.database, files, {
      scope: {
        programmeIds: new Set([world.ids.programmes.imr]),
        siteIds: new Set([world.ids.sites.s3]),
        visiblePatients: new Set<string>(),
      },
    });
    expect(rejected.status).toBe("rejected");
    expect(await factsSnapshot()).toEqual(before);
    // Accepted, it changes them.
    const done = await importFiles(world.database, files);
    expect(done.problems).toEqual([]);
    expect(await factsSnapshot()).not.toEqual(before);
  });

  it("make a failed recomputation a plain refusal, not an internal error", () => {
    const err = Object.assign(new Error("canceling statement due to statement timeout"), {
      where:
        'SQL statement "select indicator_rebuild_programme(pid)"\nPL/pgSQL function indicator_facts_programmes()',
    });
    const mapped = recomputeFailure(err);
    expect(mapped?.code).toBe("unavailable");
    expect(mapped?.message).toMatch(/statement timeout.*nothing was saved/);
    expect(recomputeFailure(new Error("duplicate key"))).toBeUndefined();
  });
});
