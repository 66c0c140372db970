import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/server/infra/db/database.ts";
import { ProgrammeParameters } from "../../src/server/programmes/schemas.ts";
import { openTestDatabase } from "../support/test-db.ts";
import { BASE, csv, extract, importFiles, snapshot, withCell, withRows } from "./support.ts";

/** What an accepted import writes: counts, replacement, idempotence, created programmes, audit. */
let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

const header = (file: string) => BASE[file]![0]!;
const all = (rows: number) => ({ rows, inserted: rows, updated: 0, unchanged: 0 });
const same = (rows: number) => ({ rows, inserted: 0, updated: 0, unchanged: rows });

describe("exchange import", () => {
  it("imports a directory and reports what each file inserted", async () => {
    const r = await importFiles(database, extract(), { createProgrammes: true });
    expect(r.problems).toEqual([]);
    expect(r.counts).toEqual({
      "sites.csv": all(2),
      "patients.csv": all(3),
      "professionals.csv": all(2),
      "groups.csv": all(2),
      "enrolments.csv": all(3),
      "interventions.csv": all(4),
      "assessments.csv": all(3),
      "treatment_plans.csv": all(2),
    });
    const i2 = await sql<Record<string, unknown>>`
      select i.date, i.type, i.setting, i.duration_min, i.module, g.code as group_code, p.code as patient, s.code as site
      from interventions i join groups g on g.id = i.group_id join patients p on p.id = i.patient_id join sites s on s.id = i.site_id
      where i.code = 'I2'`.execute(database.db);
    expect(i2.rows).toEqual([
      {
        date: "2024-02-08",
        type: "skills_training",
        setting: "group",
        duration_min: 120,
        module: "DBT-1",
        group_code: "G1",
        patient: "P1",
        site: "X1",
      },
    ]);
    const site =
      await sql`select s.name, a.code, a.name as area from sites s join areas a on a.id = s.area_id where s.code = 'X2'`.execute(
        database.db,
      );
    expect(site.rows).toEqual([{ name: "Site Two, East", code: "AR1", area: "Area One" }]);
  });

  it("changes nothing when the same directory is imported again, and says so", async () => {
    const before = await snapshot(database);
    const r = await importFiles(database, extract());
    expect(r.counts).toEqual({
      "sites.csv": same(2),
      "patients.csv": same(3),
      "professionals.csv": same(2),
      "groups.csv": same(2),
      "enrolments.csv": same(3),
      "interventions.csv": same(4),
      "assessments.csv": same(3),
      "treatment_plans.csv": same(2),
    });
    const after = await snapshot(database);
    expect({ ...after, audit_log: "" }).toEqual({ ...before, audit_log: "" });
  });

  it("replaces a stored row wholesale (an empty cell clears) and leaves rows absent from the import alone", async () => {
    const r = await importFiles(database, {
      "sites.csv": csv([header("sites.csv")]),
      "patients.csv": csv([header("patients.csv"), ["P1", "1995", "F", "", "2023-05-02"]]),
      "enrolments.csv": csv([header("enrolments.csv")]),
      "interventions.csv": csv([
        header("interventions.csv"),
        ["I1", "P1", "X1", "2024-01-12", "assessment", "individual", "patient", "", "", "", "", ""],
      ]),
      "treatment_plans.csv": csv([
        header("treatment_plans.csv"),
        ["T1", "P1", "X1", "2024-01-20", "2024-01-25", "Y", "Y", "N", "N"],
      ]),
    });
    expect(r.counts["patients.csv"]).toEqual({ rows: 1, inserted: 0, updated: 1, unchanged: 0 });
    expect(r.counts["interventions.csv"]).toEqual({ rows: 1, inserted: 0, updated: 1, unchanged: 0 });
    const p1 = await sql`select residence_area, first_contact_date from patients where code = 'P1'`.execute(
      database.db,
    );
    expect(p1.rows).toEqual([{ residence_area: null, first_contact_date: "2023-05-02" }]);
    const i1 =
      await sql`select professional_code, professional_profile, duration_min from interventions where code = 'I1'`.execute(
        database.db,
      );
    expect(i1.rows).toEqual([{ professional_code: null, professional_profile: null, duration_min: null }]);
    const counts = await sql<{ n: number }>`select count(*)::int as n from interventions`.execute(
      database.db,
    );
    expect(counts.rows[0]!.n).toBe(4);
    // A changed plan gets a new version, so an editor holding the old one is told it is stale.
    const t1 =
      await sql`select shared_with_social_services, version from treatment_plans where code = 'T1'`.execute(
        database.db,
      );
    expect(t1.rows).toEqual([{ shared_with_social_services: true, version: 2 }]);
    // Put the base back: every changed row counts as updated.
    const back = await importFiles(database, extract());
    expect(back.counts["patients.csv"]).toEqual({ rows: 3, inserted: 0, updated: 1, unchanged: 2 });
    expect(back.counts["treatment_plans.csv"]).toEqual({ rows: 2, inserted: 0, updated: 1, unchanged: 1 });
  });

  it("ends a team-coordinator role when a professional leaves the implementation team", async () => {
    await sql`update professionals set team_coordinator = true where code = 'PR1'`.execute(database.db);
    await importFiles(
      database,
      extract({ "professionals.csv": withCell("professionals.csv", 1, "in_implementation_team", "N") }),
    );
    const pr1 =
      await sql`select in_implementation_team, team_coordinator from professionals where code = 'PR1'`.execute(
        database.db,
      );
    expect(pr1.rows).toEqual([{ in_implementation_team: false, team_coordinator: false }]);
    await importFiles(database, extract());
  });

  it("writes nothing on a dry run, yet counts exactly", async () => {
    const before = await snapshot(database);
    const r = await importFiles(
      database,
      extract({ "patients.csv": withRows("patients.csv", ["P4", "1990", "U", "", ""]) }),
      {
        dryRun: true,
      },
    );
    expect(r.counts["patients.csv"]).toEqual({ rows: 4, inserted: 1, updated: 0, unchanged: 3 });
    expect(await snapshot(database)).toEqual(before);
  });

  it("appends one audit entry per import, with the counts of each file", async () => {
    const { rows } = await sql<{
      actor: string;
      action: string;
      entity: string;
      detail: Record<string, unknown>;
    }>`
      select actor, action, entity, detail from audit_log where action = 'import' order by seq`.execute(
      database.db,
    );
    expect(rows.length).toBeGreaterThanOrEqual(4);
    const last = rows[rows.length - 1]!;
    expect(last.actor).toBe("system");
    expect(last.entity).toBe("import");
    expect(last.detail.files).toEqual(Object.keys(BASE).sort(byDependency));
    expect((last.detail.counts as Record<string, unknown>)["interventions.csv"]).toEqual({
      rows: 4,
      inserted: 0,
      updated: 0,
      unchanged: 4,
    });
  });

  it("accepts an intervention type that a practice adds to the taxonomy", async () => {
    const practice = await sql<{ id: number }>`select id from practices where code = 'PRG'`.execute(
      database.db,
    );
    await sql`insert into practice_versions (practice_id, version, definition)
      values (${practice.rows[0]!.id}, 2, ${JSON.stringify({ interventionTypes: [{ code: "peer_support", label: "Peer support", psychosocial: true }] })})`.execute(
      database.db,
    );
    const r = await importFiles(
      database,
      extract({ "interventions.csv": withCell("interventions.csv", 4, "type", "peer_support") }),
      { dryRun: true },
    );
    expect(r.problems).toEqual([]);
  });
});

describe("exchange import: --create-programmes", () => {
  it("creates an unknown programme with a practice of the same code, the base taxonomy and the default parameters", async () => {
    const rows = [
      header("enrolments.csv"),
      ["N1", "P1", "NEWPROG", "X2", "2024-04-01", "", "", "", "", "", ""],
      ["N2", "P2", "NEWPROG", "X1", "2024-04-02", "", "", "", "", "", ""],
    ];
    const without = await importFiles(database, { ...extract(), "enrolments.csv": csv(rows) });
    expect(without.problems).toEqual([
      "enrolments.csv:2: programme_code: unknown programme NEWPROG: not in the database (an administrator may create it with --create-programmes)",
      "enrolments.csv:3: programme_code: unknown programme NEWPROG: not in the database (an administrator may create it with --create-programmes)",
    ]);
    const r = await importFiles(
      database,
      { ...extract(), "enrolments.csv": csv(rows) },
      { createProgrammes: true },
    );
    expect(r.counts["enrolments.csv"]).toEqual({ rows: 2, inserted: 2, updated: 0, unchanged: 0 });
    const { rows: created } = await sql<{
      name: string;
      parameters: unknown;
      practice: string;
      definition: { interventionTypes: unknown[] };
      sites: string[];
    }>`
      select g.name, g.parameters, p.code as practice, v.definition,
        array(select s.code from programme_sites ps join sites s on s.id = ps.site_id where ps.programme_id = g.id order by s.code) as sites
      from programmes g join practices p on p.id = g.practice_id
        join practice_versions v on v.practice_id = p.id and v.version = g.practice_version
      where g.code = 'NEWPROG'`.execute(database.db);
    expect(created).toHaveLength(1);
    expect(created[0]!.name).toBe("NEWPROG");
    expect(created[0]!.practice).toBe("NEWPROG");
    expect(created[0]!.definition.interventionTypes).toEqual([]);
    expect(created[0]!.parameters).toEqual(ProgrammeParameters.parse(undefined));
    expect(created[0]!.sites).toEqual(["X1", "X2"]);
  });
});

describe("exchange import: regions", () => {
  it("needs --region for new sites when the database holds several regions", async () => {
    await sql`insert into regions (code, name) values ('SECOND', 'Second region')`.execute(database.db);
    const files = extract({ "sites.csv": withRows("sites.csv", ["X9", "Nine", "", ""]) });
    const r = await importFiles(database, files);
    expect(r.problems).toEqual([
      "sites.csv:1: -: the database holds 2 regions: name the region of the new sites and programmes (--region DEFAULT or SECOND)",
    ]);
    const ok = await importFiles(database, files, { region: "SECOND" });
    expect(ok.counts["sites.csv"]).toEqual({ rows: 3, inserted: 1, updated: 0, unchanged: 2 });
    const region =
      await sql`select r.code from sites s join regions r on r.id = s.region_id where s.code = 'X9'`.execute(
        database.db,
      );
    expect(region.rows).toEqual([{ code: "SECOND" }]);
  });
});

const ORDER = [
  "sites.csv",
  "patients.csv",
  "professionals.csv",
  "groups.csv",
  "enrolments.csv",
  "interventions.csv",
  "assessments.csv",
  "treatment_plans.csv",
];
function byDependency(a: string, b: string) {
  return ORDER.indexOf(a) - ORDER.indexOf(b);
}
