import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { validate } from "../../src/server/indicators/definition.ts";
import { computeCells, loadProgrammeContext, recomputeCells } from "../../src/server/indicators/service.ts";
import { type Database, openPostgres } from "../../src/server/infra/db/database.ts";
import { indicatorDatabaseOfFile } from "./db.ts";
import { buildEdgeFixture, R } from "./edge-fixture.ts";
import type { Registry } from "./fixtures.ts";

/**
 * Cache invalidation: every write that can change a programme's indicators bumps that
 * programme's data_version (triggers of migration 0004), and only that programme's. Fixture:
 * edge-fixture.ts — P at A B C (+ D, E by enrolments), Q at A (+ B by q1's enrolment); a1 is in
 * P only, b2 in P and Q, q1 in Q only; F belongs to neither.
 */
let reg: Registry;

/**
 * An indicator the facts do not count (interventions of days 0 … 400: a window of its own), so
 * it is recomputed from the records; by sex it is cached per programme under its data_version.
 */
const parsed = validate({
  id: "iv_first_400_days",
  label: "Interventions in the first 400 days",
  kind: "count",
  compute: {
    source: "enrolments",
    population: { observedDays: 0 },
    measure: { from: "interventions", window: { fromDay: 0, toDay: 400, until: "as_of" } },
  },
});
if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
const RECOMPUTED = parsed.definition;

const database = indicatorDatabaseOfFile(async () => {
  reg = await buildEdgeFixture(database.db);
});

async function versions(): Promise<Map<number, number>> {
  const rows = await database.db
    .selectFrom("indicator_data_versions")
    .select(["programme_id", "version"])
    .execute();
  return new Map(rows.map((r) => [r.programme_id, Number(r.version)]));
}

/** Which of P and Q a write bumps. */
async function bumps(write: () => Promise<unknown>): Promise<string[]> {
  const before = await versions();
  await write();
  const after = await versions();
  return ["P", "Q"].filter((code) => {
    const id = reg.programmes.get(code)!;
    return (after.get(id) ?? 0) !== (before.get(id) ?? 0);
  });
}

describe("data versions", () => {
  const db = () => database.db;
  const id = (map: Map<string, number>, code: string) => map.get(code)!;

  it.each([
    [
      "an intervention of a patient in P only",
      () => reg.interventions("a1", "nursing", ["2024-05-01"]),
      ["P"],
    ],
    [
      "an intervention of a patient in P and Q",
      () => reg.interventions("b2", "nursing", ["2024-05-01"]),
      ["P", "Q"],
    ],
    ["an assessment of a patient in Q only", () => reg.assessment("q1", "2024-05-01"), ["Q"]],
    [
      "an intervention of a patient enrolled nowhere",
      async () => {
        await reg.patient("loner");
        await reg.interventions("loner", "nursing", ["2024-05-01"]);
      },
      [],
    ],
    [
      "a patient's sex",
      () => db().updateTable("patients").set({ sex: "X" }).where("id", "=", id(reg.patients, "a1")).execute(),
      ["P"],
    ],
    [
      "a treatment plan",
      () =>
        db()
          .updateTable("treatment_plans")
          .set({ signed_by_patient: true })
          .where("code", "=", "PL-a")
          .execute(),
      ["P"],
    ],
    ["an enrolment in Q", () => reg.enrol("a1", "A", "2024-05-01", { programme: "Q" }), ["Q"]],
    [
      "an enrolment's end",
      () =>
        db()
          .updateTable("enrolments")
          .set({ end_date: "2024-06-01", end_reason: "completed" })
          .where("patient_id", "=", id(reg.patients, "a3"))
          .execute(),
      ["P"],
    ],
    [
      "a group without programme at A (a site of both)",
      () => reg.group("GX", "A", "imr", "2024-01-01"),
      ["P", "Q"],
    ],
    ["a group at D (a site of P by enrolment)", () => reg.group("GY", "D", "imr", "2024-01-01"), ["P"]],
    [
      "a group of Q at F (no site of Q)",
      () => reg.group("GZ", "F", "imr", "2024-01-01", { programme: "Q" }),
      ["Q"],
    ],
    ["a professional at B", () => reg.professional("n1", "B", { team: true }), ["P", "Q"]],
    ["a professional at F", () => reg.professional("n2", "F", { team: true }), []],
    [
      "a site registered to Q",
      () =>
        db()
          .insertInto("programme_sites")
          .values({
            programme_id: id(reg.programmes, "Q"),
            site_id: id(reg.sites, "C"),
            target_enrolment: null,
          })
          .execute(),
      ["Q"],
    ],
    [
      "P's parameters",
      () =>
        db()
          .updateTable("programmes")
          .set({ name: "P renamed" })
          .where("id", "=", id(reg.programmes, "P"))
          .execute(),
      ["P"],
    ],
    [
      "a site's area",
      () => db().updateTable("sites").set({ area_id: null }).where("code", "=", "D").execute(),
      ["P"],
    ],
    [
      "an area's name (A and B are in N)",
      () => db().updateTable("areas").set({ name: "North" }).where("code", "=", "N").execute(),
      ["P", "Q"],
    ],
    [
      "a phase of Q",
      () =>
        db()
          .insertInto("programme_phases")
          .values({
            programme_id: id(reg.programmes, "Q"),
            phase: "implementation",
            start_date: "2024-01-01",
            end_date: null,
          })
          .execute(),
      ["Q"],
    ],
    [
      "deleting interventions",
      () => db().deleteFrom("interventions").where("date", "=", "2024-05-01").execute(),
      ["P", "Q"],
    ],
    [
      "a user-defined indicator of Q",
      () =>
        db()
          .insertInto("indicator_definitions")
          .values({
            programme_id: id(reg.programmes, "Q"),
            indicator_id: "mine",
            definition: JSON.stringify({}),
            updated_at: new Date(),
            created_by: null,
          })
          .execute(),
      ["Q"],
    ],
    [
      "a pin of P",
      () =>
        db()
          .insertInto("indicator_pins")
          .values({ programme_id: id(reg.programmes, "P"), indicator_id: "enrolled", position: 0 })
          .execute(),
      ["P"],
    ],
    [
      "a declined offer of P (uptake, the offers source)",
      () =>
        db()
          .insertInto("declined_offers")
          .values({
            patient_id: id(reg.patients, "a1"),
            programme_id: id(reg.programmes, "P"),
            site_id: id(reg.sites, "A"),
            offer_date: "2024-05-01",
            reason: "other",
          })
          .execute(),
      ["P"],
    ],
  ] as const)("%s bumps %j", async (_what, write, expected) => {
    expect(await bumps(write)).toEqual(expected);
  });
});

describe("the shared cache", () => {
  it("serves a stored result until a write, then recomputes", async () => {
    const pid = reg.programmes.get("P")!;
    const ctx = (await loadProgrammeContext(database.db, pid))!;
    const compute = () => computeCells(database.db, ctx, [RECOMPUTED], { asOf: [R], by: "sex" });
    const first = await compute();
    const stamp = async () =>
      (
        await database.db
          .selectFrom("indicator_cache")
          .select(["computed_at", "data_version"])
          .where("programme_id", "=", pid)
          .where("as_of", "=", R)
          .executeTakeFirstOrThrow()
      ).computed_at;
    const at = await stamp();
    const second = await compute();
    expect(second).toEqual(first);
    expect(await stamp()).toEqual(at);
    await reg.interventions("a1", "nursing", ["2024-05-02"]);
    const third = await compute();
    expect(third).toEqual(await recomputeCells(database.db, ctx, [RECOMPUTED], { asOf: [R], by: "sex" }));
    expect(third[0]!.total[0]!.value).toBe(first[0]!.total[0]!.value! + 1);
    // Older entries of the programme are cleared when a newer version is stored.
    const versions = await database.db
      .selectFrom("indicator_cache")
      .select("data_version")
      .distinct()
      .where("programme_id", "=", pid)
      .execute();
    expect(versions).toHaveLength(1);
  });

  it.skipIf(process.env.PRAXIS_TEST_DB !== "postgres")(
    "is shared by two servers on one PostgreSQL database",
    async () => {
      const url = new URL(process.env.DATABASE_URL!);
      const name = (await sql<{ db: string }>`select current_database() as db`.execute(database.db)).rows[0]!
        .db;
      url.pathname = `/${name}`;
      const other = await openPostgres(url.toString(), { poolSize: 2 });
      try {
        const pid = reg.programmes.get("Q")!;
        const cells = async (on: Database) => {
          const ctx = (await loadProgrammeContext(on.db, pid))!;
          return computeCells(on.db, ctx, [RECOMPUTED], { asOf: [R], by: "sex" });
        };
        const mine = await cells(database);
        const rows = () =>
          database.db
            .selectFrom("indicator_cache")
            .select("computed_at")
            .where("programme_id", "=", pid)
            .execute();
        const before = await rows();
        const theirs = await cells(other);
        expect(theirs).toEqual(mine);
        expect(await rows()).toEqual(before);
        // A write through the other server invalidates the entry for both.
        await other.db
          .insertInto("interventions")
          .values({
            code: "I-OTHER",
            patient_id: reg.patients.get("q1")!,
            site_id: reg.sites.get("B")!,
            date: "2024-05-03",
            type: "nursing",
            setting: "individual",
            recipient: "patient",
          })
          .execute();
        const after = await cells(database);
        expect(after[0]!.total[0]!.value).toBe(mine[0]!.total[0]!.value! + 1);
      } finally {
        await other.close();
      }
    },
  );
});

/**
 * Last, because it is destructive: `truncate professionals cascade` also empties every table
 * that references professionals, enrolments included (their named coordinator), so nothing
 * after it would have patients in a programme.
 */
describe("data versions after a truncation", () => {
  it("truncating professionals bumps P and Q", async () => {
    expect(await bumps(() => sql`truncate professionals cascade`.execute(database.db))).toEqual(["P", "Q"]);
  });
});
