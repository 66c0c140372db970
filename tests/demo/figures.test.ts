import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DemoRegistrySummary } from "../../src/server/demo/registry/index.ts";
import type { Database, Db } from "../../src/server/infra/db/database.ts";
import { figures } from "./figures.ts";
import { demoDatabase } from "./support.ts";

/**
 * The default demo (314 BPD patients, seed 1) against the Lombardy pilot's monitoring figures,
 * computed with plain SQL as INDICATORS.md defines them, as of the data cut-off.
 */
let database: Database;
let db: Db;
let summary: DemoRegistrySummary;
let f: Awaited<ReturnType<typeof figures>>;

beforeAll(async () => {
  ({ database, db, summary } = await demoDatabase());
  f = await figures(db, "BPD-LOM", summary.cutoff);
});
afterAll(async () => {
  await database?.close();
});

const rows = async <T>(query: ReturnType<typeof sql<T>>) => (await query.execute(db)).rows;
const sd = (xs: number[]) => {
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  return Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / xs.length);
};

describe("the default demo registry", () => {
  it("enrols 314 BPD patients, mostly young women with F60.3x, most new to services", () => {
    expect(f.enrolled).toBe(314);
    expect(f.female).toBeGreaterThanOrEqual(0.85);
    expect(f.female).toBeLessThanOrEqual(0.95);
    expect(f.ageInBand).toBeGreaterThanOrEqual(0.85);
    expect(f.targetDiagnosis).toBeGreaterThanOrEqual(0.7);
    expect(f.targetDiagnosis).toBeLessThanOrEqual(0.9);
    expect(f.newToService).toBeGreaterThanOrEqual(0.5);
    expect(f.newToService).toBeLessThanOrEqual(0.75);
  });

  it("delivers about 24,000 interventions from the implementation's start to yesterday, about half psychosocial", async () => {
    expect(f.interventions).toBeGreaterThanOrEqual(20_000);
    expect(f.interventions).toBeLessThanOrEqual(28_000);
    expect(f.psychosocialShare).toBeGreaterThanOrEqual(0.4);
    expect(f.psychosocialShare).toBeLessThanOrEqual(0.6);
    const [span] = await rows(sql<{ first: string; last: string }>`
      select min(i.date)::text as first, max(i.date)::text as last from interventions i
      join enrolments e on e.patient_id = i.patient_id join programmes g on g.id = e.programme_id
      where g.code = 'BPD-LOM'`);
    // the implementation began 27 months before the demo's day; the data run to the day before
    expect(span!.last).toBe(summary.cutoff);
    const implementation = await rows(sql<{ start: string }>`
      select ph.start_date::text as start from programme_phases ph join programmes g on g.id = ph.programme_id
      where g.code = 'BPD-LOM' and ph.phase = 'implementation'`);
    expect(span!.first >= implementation[0]!.start).toBe(true);
    const days = (Date.parse(span!.last) - Date.parse(span!.first)) / 86_400_000;
    expect(days).toBeGreaterThan(700);
    expect(days).toBeLessThanOrEqual(
      (Date.parse(summary.cutoff) - Date.parse(implementation[0]!.start)) / 86_400_000,
    );
  });

  it("keeps enrolling to the last weeks, so every month up to yesterday has new patients and care", async () => {
    const months = await rows(sql<{ month: string; enrolled: number; interventions: number }>`
      with m as (
        select generate_series(date_trunc('month', ph.start_date), date_trunc('month', ${summary.cutoff}::date), '1 month')::date as month
        from programme_phases ph join programmes g on g.id = ph.programme_id
        where g.code = 'BPD-LOM' and ph.phase = 'sustainability')
      select m.month::text as month,
        (select count(*)::int from enrolments e where date_trunc('month', e.enrolment_date) = m.month) as enrolled,
        (select count(*)::int from interventions i where date_trunc('month', i.date) = m.month) as interventions
      from m order by m.month`);
    expect(months.length).toBeGreaterThanOrEqual(15);
    for (const m of months.slice(0, -1)) {
      expect(m.enrolled, m.month).toBeGreaterThan(0);
      expect(m.interventions, m.month).toBeGreaterThan(300);
    }
  });

  it("gives about two-thirds an intensive start, reaches a third of families, a case manager for three in four", () => {
    expect(f.intensiveStart).toBeGreaterThanOrEqual(0.55);
    expect(f.intensiveStart).toBeLessThanOrEqual(0.75);
    expect(f.family).toBeGreaterThanOrEqual(0.25);
    expect(f.family).toBeLessThanOrEqual(0.45);
    expect(f.caseManager).toBeGreaterThanOrEqual(0.65);
    expect(f.caseManager).toBeLessThanOrEqual(0.85);
  });

  it("has plans for most, signed for about two-thirds, shared with social and work services less often", () => {
    expect(f.treatmentPlan).toBeGreaterThanOrEqual(0.7);
    expect(f.planSigned).toBeGreaterThanOrEqual(0.55);
    expect(f.planSigned).toBeLessThanOrEqual(0.75);
    expect(f.planSharedSocial).toBeLessThan(f.planSigned!);
    expect(f.planSharedWork).toBeLessThan(f.planSharedSocial!);
  });

  it("assesses most patients near enrolment with structured instruments", async () => {
    const [r] = await rows(sql<{ assessed: number; enrolled: number; zan: number; bsl: number }>`
      select count(*) filter (where exists (select 1 from assessments a where a.patient_id = e.patient_id
               and a.date between e.enrolment_date - 90 and e.enrolment_date + 89))::int as assessed,
             count(*)::int as enrolled,
             (select count(*) from assessments where instrument = 'ZAN-BPD')::int as zan,
             (select count(*) from assessments where instrument = 'BSL-23')::int as bsl
      from enrolments e join programmes g on g.id = e.programme_id where g.code = 'BPD-LOM'`);
    expect(r!.assessed / r!.enrolled).toBeGreaterThanOrEqual(0.6);
    expect(r!.zan).toBeGreaterThan(100);
    expect(r!.bsl).toBeGreaterThan(50);
  });

  it("ends some enrolments for each reason and keeps most in care", async () => {
    const reasons = await rows(sql<{ end_reason: string | null; n: number }>`
      select end_reason, count(*)::int as n from enrolments group by end_reason`);
    const n = (reason: string | null) => reasons.find((r) => r.end_reason === reason)?.n ?? 0;
    for (const reason of ["completed", "dropped_out", "transferred"]) expect(n(reason)).toBeGreaterThan(0);
    expect(n(null)).toBeGreaterThan(summary.enrolments / 2);
    expect(f.droppedOut).toBeLessThan(0.25);
  });
});

describe("sites differ plausibly", () => {
  it("spreads the enrolment over the 18 sites: big ones near 40, a few around 5, some below target", () => {
    const sizes = f.sites.map((s) => s.enrolled);
    expect(sizes).toHaveLength(18);
    expect(Math.max(...sizes)).toBeGreaterThanOrEqual(35);
    expect(Math.min(...sizes)).toBeLessThanOrEqual(8);
    const below = sizes.filter((n) => n < 15).length;
    expect(below).toBeGreaterThanOrEqual(2);
    expect(below).toBeLessThan(9); // more than half the sites reach the target
  });

  it("varies the per-site ratios (intensive start, family, case manager, interventions per patient)", () => {
    const sites = f.sites.filter((s) => s.e90 >= 8);
    expect(sd(sites.map((s) => s.intensive / s.e90))).toBeGreaterThan(0.08);
    expect(sd(sites.map((s) => s.family / s.enrolled))).toBeGreaterThan(0.05);
    expect(sd(sites.map((s) => s.caseManager / s.enrolled))).toBeGreaterThan(0.05);
    const perPatient = sites.map((s) => s.interventions / s.enrolled);
    expect(Math.max(...perPatient) / Math.min(...perPatient)).toBeGreaterThan(1.4);
  });

  it("runs groups at most sites: DBT skills at more sites than Family Connections", async () => {
    const [g] = await rows(sql<{ any: number; dbt: number; fc: number }>`
      select count(distinct site_id)::int as any,
             count(distinct site_id) filter (where kind = 'dbt_skills')::int as dbt,
             count(distinct site_id) filter (where kind = 'family_connections')::int as fc
      from groups where kind in ('dbt_skills', 'family_connections')`);
    expect(g!.any).toBeGreaterThanOrEqual(12);
    expect(g!.dbt).toBeGreaterThan(g!.fc);
    expect(g!.fc).toBeGreaterThanOrEqual(6);
    const empty = await rows(sql`
      select g.code from groups g where not exists (select 1 from group_sessions s where s.group_id = g.id)
         or not exists (select 1 from group_members m where m.group_id = g.id)`);
    expect(empty).toEqual([]);
  });
});

describe("the IMR programme", () => {
  it("enrols about one in ten more patients at its three sites, with IMR groups by module and IMRS scores", async () => {
    const sites = await rows(sql<{ code: string; n: number }>`
      select s.code, count(*)::int as n from enrolments e join programmes g on g.id = e.programme_id
      join sites s on s.id = e.site_id where g.code = 'IMR-LOM' group by s.code order by s.code`);
    expect(sites.map((s) => s.code)).toEqual(["CREMONA", "LECCO", "NIGUARDA"]);
    const total = sites.reduce((a, s) => a + s.n, 0);
    expect(total).toBe(Math.round(314 * 0.1));

    const modules = await rows(sql<{ module: string }>`
      select distinct s.module from group_sessions s join groups g on g.id = s.group_id where g.kind = 'imr'`);
    expect(modules.length).toBeGreaterThanOrEqual(8);
    for (const m of modules) expect(m.module).toMatch(/^IMR-([1-9]|1[01])$/);
    const [imrs] = await rows(sql<{ client: number; clinician: number; out: number }>`
      select count(*) filter (where instrument = 'IMRS-CLIENT')::int as client,
             count(*) filter (where instrument = 'IMRS-CLINICIAN')::int as clinician,
             count(*) filter (where instrument like 'IMRS-%' and total_score not between 15 and 75)::int as out
      from assessments`);
    expect(imrs!.client).toBeGreaterThan(total / 2);
    expect(imrs!.clinician).toBeGreaterThan(total / 2);
    expect(imrs!.out).toBe(0);
    const [sessions] = await rows(sql<{ n: number }>`
      select count(*)::int as n from interventions where type = 'imr_session' and setting = 'group'`);
    expect(sessions!.n).toBeGreaterThan(total * 5);
  });
});
