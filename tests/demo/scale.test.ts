import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allocate } from "../../src/server/demo/registry/distributions.ts";
import type { DemoRegistrySummary } from "../../src/server/demo/registry/index.ts";
import { BPD_SITE_WEIGHTS, IMR_SHARE } from "../../src/server/demo/registry/sites.ts";
import type { Database, Db } from "../../src/server/infra/db/database.ts";
import { figures } from "./figures.ts";
import { demoDatabase } from "./support.ts";

/**
 * `--patients 5000`: generated within a bounded time, with the sites scaled by their weights and
 * the default demo's proportions kept.
 */
const PATIENTS = 5000;
/** Generous: the figure on an idle laptop is several times lower (see bench/demo.ts). */
const BOUND_MS = 150_000;

let database: Database;
let db: Db;
let summary: DemoRegistrySummary;
let elapsed = 0;
let f: Awaited<ReturnType<typeof figures>>;

beforeAll(async () => {
  const started = Date.now();
  ({ database, db, summary } = await demoDatabase({ patients: PATIENTS, seed: 3 }));
  elapsed = Date.now() - started;
  f = await figures(db, "BPD-LOM", summary.cutoff);
}, 300_000);
afterAll(async () => {
  await database?.close();
});

describe(`the demo at ${PATIENTS} patients`, () => {
  it("is generated within a bounded time and memory stays bounded", () => {
    expect(elapsed).toBeLessThan(BOUND_MS);
    expect(process.memoryUsage().rss).toBeLessThan(1_500_000_000);
    expect(summary.interventions).toBeGreaterThan(300_000);
  });

  it("scales every site by its weight, and the IMR programme by its share", async () => {
    // sizes follow the weights in the structure's site order (the generator's order)
    const order = await sql<{ code: string }>`
      select s.code from programme_sites ps join programmes g on g.id = ps.programme_id join sites s on s.id = ps.site_id
      where g.code = 'BPD-LOM' order by s.id`.execute(db);
    const weights = order.rows.map((r) => BPD_SITE_WEIGHTS[r.code] ?? 15);
    const expected = allocate(PATIENTS, weights);
    const sizes = new Map(order.rows.map((r, i) => [r.code, expected[i]!]));
    expect(f.sites).toHaveLength(18);
    for (const s of f.sites) expect(s.enrolled, s.site).toBe(sizes.get(s.site));
    const imr = await sql<{ n: number }>`
      select count(*)::int as n from enrolments e join programmes g on g.id = e.programme_id where g.code = 'IMR-LOM'`.execute(
      db,
    );
    expect(imr.rows[0]!.n).toBe(Math.round(PATIENTS * IMR_SHARE));
  });

  it("keeps the proportions of the default demo", () => {
    expect(f.enrolled).toBe(PATIENTS);
    const perPatient = f.interventions / f.enrolled;
    expect(perPatient).toBeGreaterThanOrEqual(20_000 / 314);
    expect(perPatient).toBeLessThanOrEqual(28_000 / 314);
    expect(f.psychosocialShare).toBeGreaterThanOrEqual(0.4);
    expect(f.psychosocialShare).toBeLessThanOrEqual(0.6);
    expect(f.female).toBeGreaterThanOrEqual(0.85);
    expect(f.female).toBeLessThanOrEqual(0.95);
    expect(f.intensiveStart).toBeGreaterThanOrEqual(0.55);
    expect(f.intensiveStart).toBeLessThanOrEqual(0.75);
    expect(f.planSigned).toBeGreaterThanOrEqual(0.55);
    expect(f.planSigned).toBeLessThanOrEqual(0.75);
    expect(f.caseManager).toBeGreaterThanOrEqual(0.65);
    expect(f.caseManager).toBeLessThanOrEqual(0.85);
    expect(f.family).toBeGreaterThanOrEqual(0.25);
    expect(f.family).toBeLessThanOrEqual(0.45);
  });

  it("scales the groups with the sites instead of overfilling them", async () => {
    const r = await sql<{ groups: number; sites: number; overfull: number; members: number }>`
      select count(*)::int as groups, count(distinct site_id)::int as sites,
        count(*) filter (where (select count(*) from group_members m where m.group_id = g.id) > g.max_size)::int as overfull,
        (select count(*) from group_members)::int as members
      from groups g`.execute(db);
    const g = r.rows[0]!;
    expect(g.sites).toBeGreaterThanOrEqual(12);
    expect(g.overfull).toBe(0);
    expect(g.groups).toBeGreaterThan(PATIENTS / 40);
    expect(g.members / g.groups).toBeGreaterThan(5);
  });
});
