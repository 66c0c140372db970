import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { validate } from "../../src/server/indicators/definition.ts";
import {
  computeCells,
  executeCompiled,
  liveFromFacts,
  loadProgrammeContext,
  recomputeCells,
} from "../../src/server/indicators/service.ts";
import { siteCachedCells } from "../../src/server/indicators/site-cache.ts";
import { indicatorDatabaseOfFile } from "./db.ts";
import { Registry } from "./fixtures.ts";
import { interventionsRatio } from "./own-definition.ts";

/**
 * Caching by site (issue 9, item 4): an indicator the facts do not count is recomputed from the
 * records and cached per site. A write at one site recomputes that site only; the other sites'
 * entries are left as they were; and the merged result equals a recomputation of everything.
 */
let reg: Registry;
let programmeId = 0;

const OWN = validate(
  interventionsRatio({
    id: "family_first_month",
    label: "Family reached in the first month",
    records: { recipients: ["family", "patient_and_family"], window: { fromDay: 0, toDay: 30 } },
  }),
);
const MEDIAN = validate({
  id: "early_median",
  label: "Interventions in the first month (median)",
  kind: "median",
  compute: {
    source: "enrolments",
    population: { observedDays: 0 },
    measure: { from: "interventions", window: { fromDay: 0, toDay: 30 } },
  },
});
if (!OWN.ok || !MEDIAN.ok) throw new Error("definitions");
const DEFS = [OWN.definition, MEDIAN.definition];

const database = indicatorDatabaseOfFile(async () => {
  reg = new Registry(database.db, "sc-");
  await reg.area("sc-N");
  for (const s of ["A", "B", "C"]) await reg.site(`sc-${s}`, s === "C" ? undefined : "sc-N");
  programmeId = await reg.programme("sc-P", { sites: ["sc-A", "sc-B", "sc-C"] });
  let n = 0;
  for (const s of ["A", "B", "C"]) {
    for (let i = 0; i < 3; i++) {
      n += 1;
      await reg.enrol(`sc-p${n}`, `sc-${s}`, `2024-0${i + 1}-01`);
      await reg.interventions(`sc-p${n}`, "psychoeducation", [`2024-0${i + 1}-05`, `2024-0${i + 1}-09`], {
        recipient: i === 0 ? "family" : "patient",
      });
    }
  }
});

async function entries() {
  const { rows } = await sql<{ code: string; version: number; computed_at: Date }>`
    select s.code, c.version::float8 as version, c.computed_at from indicator_site_cache c
    join sites s on s.id = c.site_id where c.programme_id = ${programmeId} order by s.code`.execute(
    database.db,
  );
  return new Map(
    rows.map((r) => [r.code, { version: Number(r.version), at: new Date(r.computed_at).getTime() }]),
  );
}

describe("indicators recomputed from the records are cached per site", () => {
  it("are recomputed (their record sets are not among the facts)", async () => {
    const ctx = (await loadProgrammeContext(database.db, programmeId))!;
    expect(DEFS.map((d) => liveFromFacts(d, ctx.inputs))).toEqual([false, false]);
  });

  it("recompute only the site written to, and merge to the full recomputation", async () => {
    const ctx = (await loadProgrammeContext(database.db, programmeId))!;
    const options = { asOf: ["2024-06-30"], by: "site" as const };
    expect(await computeCells(database.db, ctx, DEFS, options)).toEqual(
      await recomputeCells(database.db, ctx, DEFS, options),
    );
    const first = await entries();
    expect([...first.keys()]).toEqual(["sc-A", "sc-B", "sc-C"]);
    await new Promise((r) => setTimeout(r, 20));
    // Served from the cache: nothing recomputed.
    await computeCells(database.db, ctx, DEFS, options);
    expect(await entries()).toEqual(first);
    // A family intervention at site B.
    await reg.interventions("sc-p5", "family_intervention", ["2024-02-10"], {
      recipient: "family",
      site: "sc-B",
    });
    const after = await computeCells(database.db, ctx, DEFS, options);
    expect(after).toEqual(await recomputeCells(database.db, ctx, DEFS, options));
    const second = await entries();
    expect(second.get("sc-A")).toEqual(first.get("sc-A"));
    expect(second.get("sc-C")).toEqual(first.get("sc-C"));
    expect(second.get("sc-B")!.version).toBeGreaterThan(first.get("sc-B")!.version);
    expect(second.get("sc-B")!.at).toBeGreaterThan(first.get("sc-B")!.at);
    // By area, from the same per-site entries.
    const byArea = { asOf: ["2024-06-30"], by: "area" as const };
    expect(await computeCells(database.db, ctx, DEFS, byArea)).toEqual(
      await recomputeCells(database.db, ctx, DEFS, byArea),
    );
  });

  it("recompute a site whose area changes", async () => {
    const ctx = (await loadProgrammeContext(database.db, programmeId))!;
    const options = { asOf: ["2024-06-30"], by: "site" as const };
    await computeCells(database.db, ctx, DEFS, options);
    const before = await entries();
    await sql`update sites set area_id = null where code = 'sc-A'`.execute(database.db);
    await computeCells(database.db, ctx, DEFS, options);
    const after = await entries();
    expect(after.get("sc-A")!.version).toBeGreaterThan(before.get("sc-A")!.version);
    expect(after.get("sc-B")).toEqual(before.get("sc-B"));
  });
});

describe("uptake (source offers) by site", () => {
  const UPTAKE = validate({
    id: "uptake_12m",
    label: "Uptake",
    kind: "ratio",
    compute: { source: "offers" },
  });
  const SHORT = validate({
    id: "uptake_30d",
    label: "Uptake, 30 days",
    kind: "ratio",
    compute: { source: "offers", windowDays: 30 },
  });
  if (!UPTAKE.ok || !SHORT.ok) throw new Error("definitions");
  const OFFERS = [UPTAKE.definition, SHORT.definition];

  it("counts each patient once per site, sums areas and the programme, and caches per site", async () => {
    const offer = (patient: string, site: string, date: string) =>
      sql`insert into declined_offers (patient_id, programme_id, site_id, offer_date, reason)
        select p.id, ${programmeId}, s.id, ${date}::date, 'other' from patients p, sites s
        where p.code = ${patient} and s.code = ${site}`.execute(database.db);
    await reg.patient("sc-d1");
    await reg.patient("sc-d2");
    await offer("sc-d1", "sc-A", "2024-06-20");
    await offer("sc-d1", "sc-A", "2024-06-25"); // the same patient twice: once
    await offer("sc-d2", "sc-C", "2024-03-01"); // in the year, not in the last 30 days
    await offer("sc-p4", "sc-A", "2024-06-10"); // declined at A, enrolled at B in the window: not declined
    const ctx = (await loadProgrammeContext(database.db, programmeId))!;
    for (const by of ["site", "area"] as const) {
      const options = { asOf: ["2024-06-30", "2024-02-15"], by };
      const cached = await siteCachedCells(database.db, ctx, OFFERS, options, async (c) =>
        c.decode(await executeCompiled(database.db, c.query.compile(database.db))),
      );
      expect(cached).toEqual(await recomputeCells(database.db, ctx, OFFERS, options));
      expect(await computeCells(database.db, ctx, OFFERS, options)).toEqual(cached);
    }
    const [june] = await recomputeCells(database.db, ctx, OFFERS, { asOf: ["2024-06-30"], by: "site" });
    const row = (k: string) => june!.groups.find((g) => g.key === k)!.cells;
    // A: three enrolled (Jan–Mar) + sc-d1 declined; sc-p4 declined too in the last 30 days, when
    // it was not enrolled (its enrolment at B is in the year). C: three enrolled + sc-d2 (year only).
    expect(row("sc-A").map((c) => [c.numerator, c.denominator])).toEqual([
      [3, 4],
      [0, 2],
    ]);
    expect(row("sc-C").map((c) => [c.numerator, c.denominator])).toEqual([
      [3, 4],
      [0, 0],
    ]);
    expect(june!.total.map((c) => [c.numerator, c.denominator])).toEqual([
      [9, 11],
      [0, 2],
    ]);
  });
});
