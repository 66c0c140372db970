import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/server/app.ts";
import { DEMO_PASSWORD } from "../../src/server/demo/region.ts";
import { loadConfig } from "../../src/server/infra/config.ts";
import type { Database, Db } from "../../src/server/infra/db/database.ts";
import { addDays } from "../../src/server/infra/time/civil-date.ts";
import { actionPlanView } from "../../src/server/planning/action-plan/view.ts";
import { regionLink } from "../../src/server/planning/from-region/link.ts";
import { siteLinkFacts } from "../../src/server/planning/from-region/links-query.ts";
import { login } from "../support/world.ts";
import { demoDatabase, TEST_AS_OF } from "./support.ts";

/**
 * The demo is alive on the day it is made: the planning toolkit is filled in for the region and
 * most sites, a questionnaire round is open with sites still to answer, sites have fidelity
 * reviews by two raters, and training courses have attendance — all dated up to yesterday except
 * what is planned ahead, and the same for the same seed and day.
 */
const YESTERDAY = addDays(TEST_AS_OF, -1);

/** The artefact tables' contents, without the wall-clock time each row was saved. */
const ARTEFACT_TABLES: Array<[table: string, orderBy: string]> = [
  ["planning_questionnaires", "id"],
  ["planning_rounds", "id"],
  ["planning_artefacts", "id"],
  ["planning_versions", "artefact_id, version"],
  ["fidelity_reviews", "id"],
  ["fidelity_ratings", "review_id, rater, item"],
  ["training_courses", "id"],
  ["training_attendance", "course_id, professional_id"],
  ["supervision_sessions", "id"],
  ["declined_offers", "id"],
];
async function artefactChecksums(db: Db): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const [table, orderBy] of ARTEFACT_TABLES) {
    const r = await sql<{ sum: string | null; n: number }>`
      select md5(coalesce(string_agg((to_jsonb(t) - 'created_at' - 'updated_at')::text, E'\n'
        order by ${sql.raw(orderBy)}), '')) as sum, count(*)::int as n
      from ${sql.table(table)} t`.execute(db);
    out[table] = `${r.rows[0]!.n}:${r.rows[0]!.sum}`;
  }
  return out;
}

const open: Database[] = [];
let db: Db;
let sums: Record<string, string>;
let ids: { bpd: number; imr: number; sites: Map<string, number> };

beforeAll(async () => {
  const made = await demoDatabase({ patients: 200, seed: 1, artefacts: true });
  open.push(made.database);
  db = made.db;
  sums = await artefactChecksums(db);
  const programmes = await db.selectFrom("programmes").select(["id", "code"]).execute();
  const sites = await db.selectFrom("sites").select(["id", "code"]).execute();
  ids = {
    bpd: programmes.find((p) => p.code === "BPD-LOM")!.id,
    imr: programmes.find((p) => p.code === "IMR-LOM")!.id,
    sites: new Map(sites.map((s) => [s.code, s.id])),
  };
}, 180_000);
afterAll(async () => {
  for (const d of open) await d.close();
});

const current = async (kind: string, siteId: number | null) => {
  let q = db
    .selectFrom("planning_artefacts as a")
    .innerJoin("planning_versions as v", (j) =>
      j.onRef("v.artefact_id", "=", "a.id").onRef("v.version", "=", "a.current_version"),
    )
    .select(["v.content", "a.current_version"])
    .where("a.programme_id", "=", ids.bpd)
    .where("a.kind", "=", kind);
  q = siteId === null ? q.where("a.site_id", "is", null) : q.where("a.site_id", "=", siteId);
  return q.executeTakeFirst();
};

describe("the demo's artefacts", () => {
  it("fill the planning toolkit for the region and most sites, not all", async () => {
    for (const kind of ["sana_template", "swot_tags", "sana", "swot", "toc", "action_plan", "roadmap"])
      expect(await current(kind, null), kind).toBeDefined();
    const perKind = await db
      .selectFrom("planning_artefacts")
      .select(["kind", sql<number>`count(distinct site_id)::int`.as("sites")])
      .where("programme_id", "=", ids.bpd)
      .where("current_version", ">", 0)
      .groupBy("kind")
      .execute();
    const sitesWith = Object.fromEntries(perKind.map((r) => [r.kind, r.sites]));
    expect(sitesWith.action_plan).toBe(18); // copied to every site
    expect(sitesWith.swot).toBe(15); // three sites never started
    expect(sitesWith.sana).toBe(15);
    expect(sitesWith.roadmap).toBeGreaterThanOrEqual(5);
    expect(sitesWith.roadmap).toBeLessThan(15);
    // the Theory of Change names indicators of the engine on its outcomes and outputs only
    const toc = (await current("toc", null))!.content as {
      nodes: Array<{ type: string; indicatorIds: string[] }>;
    };
    const withIndicators = toc.nodes.filter((n) => n.indicatorIds.length);
    expect(withIndicators.length).toBeGreaterThanOrEqual(6);
    for (const n of withIndicators) expect(["outcome", "output"]).toContain(n.type);
  });

  it("record where the sites' plans came from: every site follows or edited its copy of the region's", async () => {
    const facts = await siteLinkFacts(db, ids.bpd, ["toc", "action_plan"]);
    const links = facts.map((f) => ({ kind: f.kind, site: f.siteId, ...regionLink(f) }));
    const plans = links.filter((l) => l.kind === "action_plan");
    const tocs = links.filter((l) => l.kind === "toc");
    expect(plans).toHaveLength(18);
    expect(tocs).toHaveLength(18);
    // the completed regional plan, copied to every site: the idle ones follow it, the others edited it
    for (const l of plans) expect(l.startedFrom, `plan ${l.site}`).toBe(l.regionVersion);
    expect(plans.filter((l) => l.status === "follows")).toHaveLength(3);
    expect(plans.filter((l) => l.status === "edited")).toHaveLength(15);
    // the ten most engaged took the region's completed Theory of Change; the others follow the template's
    const current = tocs.filter((l) => !l.regionNewer);
    expect(current).toHaveLength(10);
    expect(tocs.every((l) => l.status === "follows")).toBe(true);
    expect(tocs.filter((l) => l.regionNewer).every((l) => l.startedFrom === 1)).toBe(true);
  });

  it("date the action plans up to yesterday, except planned activities, and leave some really overdue", async () => {
    const plans = await db
      .selectFrom("planning_artefacts as a")
      .innerJoin("planning_versions as v", (j) =>
        j.onRef("v.artefact_id", "=", "a.id").onRef("v.version", "=", "a.current_version"),
      )
      .select(["a.site_id", "v.content"])
      .where("a.programme_id", "=", ids.bpd)
      .where("a.kind", "=", "action_plan")
      .execute();
    let overdue = 0;
    let planned = 0;
    let sitesWithOverdue = 0;
    for (const plan of plans) {
      // as the page computes it, on the day the demo was made
      const view = await actionPlanView(db, ids.bpd, plan.site_id, plan.content as never, TEST_AS_OF);
      const activities = view.strategicAreas.flatMap((sa) => sa.subAreas.flatMap((s) => s.activities));
      expect(activities.length).toBeGreaterThan(10);
      for (const a of activities) {
        expect(a.end >= a.start, a.title).toBe(true);
        if (a.status === "done") expect(a.end <= YESTERDAY, a.title).toBe(true);
        if (a.status === "in_progress" || a.status === "delayed")
          expect(a.start <= YESTERDAY, a.title).toBe(true);
        if (a.overdue) expect(a.end < TEST_AS_OF && a.status !== "done").toBe(true);
        if (a.start > TEST_AS_OF && plan.site_id !== null) planned += a.status === "planned" ? 1 : 0;
      }
      overdue += view.summary.overdue;
      if (plan.site_id !== null && view.summary.overdue > 0) sitesWithOverdue += 1;
    }
    expect(overdue).toBeGreaterThan(0);
    expect(sitesWithOverdue).toBeGreaterThanOrEqual(3);
    expect(planned).toBeGreaterThan(0); // a refresher course planned ahead
  });

  it("have an open questionnaire round that some sites have not answered, and a closed one", async () => {
    const rounds = await db.selectFrom("planning_rounds").selectAll().orderBy("opens_on").execute();
    expect(rounds).toHaveLength(2);
    const [closed, openRound] = rounds;
    expect(closed!.closes_on < TEST_AS_OF).toBe(true);
    expect(openRound!.opens_on <= YESTERDAY && openRound!.closes_on >= TEST_AS_OF).toBe(true);
    const answered = await db
      .selectFrom("planning_artefacts")
      .select("site_id")
      .where("round_id", "=", openRound!.id)
      .where("current_version", ">", 0)
      .execute();
    expect(answered.length).toBeGreaterThan(0);
    expect(answered.length).toBeLessThan(18);
  });

  it("have fidelity reviews by two raters, dated up to yesterday", async () => {
    const reviews = await db
      .selectFrom("fidelity_reviews as r")
      .select([
        "r.id",
        "r.scale",
        "r.review_date",
        "r.programme_id",
        sql<number>`(select count(distinct rater) from fidelity_ratings f where f.review_id = r.id)::int`.as(
          "raters",
        ),
      ])
      .execute();
    expect(reviews.length).toBeGreaterThanOrEqual(10);
    for (const r of reviews) {
      expect(r.raters).toBe(2);
      expect(r.review_date <= YESTERDAY).toBe(true);
    }
    expect(new Set(reviews.map((r) => r.scale))).toEqual(new Set(["TREATMENT-INTEGRITY", "IMR-FIDELITY"]));
  });

  it("have training courses whose completions agree with who is recorded as trained", async () => {
    const courses = await db.selectFrom("training_courses").selectAll().execute();
    expect(courses.length).toBe(4);
    for (const c of courses) expect(c.end_date <= YESTERDAY).toBe(true);
    const mismatched = await db
      .selectFrom("training_attendance as a")
      .innerJoin("professionals as p", "p.id", "a.professional_id")
      .select("p.code")
      .whereRef("a.completed", "!=", "p.trained")
      .execute();
    expect(mismatched).toEqual([]);
    const sessions = await db.selectFrom("supervision_sessions").select(["date"]).execute();
    expect(sessions.length).toBeGreaterThan(0);
    for (const s of sessions) expect(s.date <= YESTERDAY).toBe(true);
  });

  it("have declined offers in the last year, so uptake is below 100 % at some sites and not at others", async () => {
    const offers = await db
      .selectFrom("declined_offers as o")
      .innerJoin("enrolments as e", (j) =>
        j.onRef("e.patient_id", "=", "o.patient_id").onRef("e.programme_id", "=", "o.programme_id"),
      )
      .select("o.id")
      .execute();
    expect(offers).toEqual([]); // nobody who declined is enrolled in that programme
    const perSite = await db
      .selectFrom("declined_offers")
      .select(["programme_id", "site_id", "offer_date"])
      .execute();
    expect(perSite.length).toBeGreaterThan(5);
    for (const o of perSite) {
      expect(o.offer_date <= YESTERDAY).toBe(true);
      expect(o.offer_date >= addDays(TEST_AS_OF, -366)).toBe(true);
    }
    const bpdSites = new Set(perSite.filter((o) => o.programme_id === ids.bpd).map((o) => o.site_id));
    expect(bpdSites.size).toBeGreaterThan(0);
    expect(bpdSites.size).toBeLessThan(ids.sites.size);
  });

  it("answer the planning and measures pages' endpoints with data", async () => {
    const config = loadConfig({ PRAXIS_WEB_DIR: "/nonexistent" } as NodeJS.ProcessEnv);
    const app = await buildApp({ database: open[0]!, config });
    await app.ready();
    try {
      const coordinator = await login(app, "coordinator", DEMO_PASSWORD);
      const json = async (url: string) => {
        const res = await coordinator.get(url);
        expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
        return res.json();
      };
      const base = `/api/programmes/${ids.bpd}`;
      expect((await json(`${base}/planning`)).length).toBeGreaterThan(50);
      const common = await json(`${base}/planning/swot/common-factors`);
      expect(common.sitesWithSwot).toBe(15);
      expect(common.factors.length).toBeGreaterThan(0);
      const progress = await json(`${base}/planning/action-plan/progress`);
      expect(progress.activities.length).toBeGreaterThan(10);
      const roadmap = await json(`${base}/planning/roadmap/compliance`);
      expect(roadmap.compiled).toBeGreaterThan(0);
      expect(roadmap.missing.length).toBeGreaterThan(0);
      const [questionnaire] = await json(`${base}/planning/questionnaires`);
      expect(questionnaire.rounds).toHaveLength(2);
      const results = await json(`${base}/planning/questionnaires/${questionnaire.id}/results`);
      const latest = results.rounds.find((r: { opensOn: string }) => r.opensOn > addDays(TEST_AS_OF, -30));
      expect(latest.missing.length).toBeGreaterThan(0);
      expect(latest.responses.length).toBeGreaterThan(0);
      const comparison = await json(`${base}/fidelity/comparison?scale=TREATMENT-INTEGRITY`);
      expect(comparison.sites.filter((s: { reviewId: number | null }) => s.reviewId !== null).length).toBe(
        15,
      );
      const admin = await login(app, "admin", DEMO_PASSWORD);
      const imrFidelity = (
        await admin.get(`/api/programmes/${ids.imr}/fidelity/comparison?scale=IMR-FIDELITY`)
      ).json();
      expect(imrFidelity.sites).toHaveLength(3);
      expect(imrFidelity.sites.every((s: { reviewId: number | null }) => s.reviewId !== null)).toBe(true);
      const lecco = ids.sites.get("LECCO")!;
      const history = await json(`/api/sites/${lecco}/fidelity/reviews?programmeId=${ids.bpd}`);
      expect(history.items.length).toBeGreaterThanOrEqual(2);
      expect(history.items[0].agreement.raters).toBe(2);
      const courses = await json(`/api/training/courses?programmeId=${ids.bpd}`);
      expect(courses.length).toBe(3);
      expect(courses.every((c: { completed: number }) => c.completed > 0)).toBe(true);
      const funnel = await json(`${base}/training-funnel`);
      expect(funnel.programme.trained).toBeGreaterThan(0);
      expect(funnel.programme.trainedInTeam).toBeGreaterThan(0);
      expect((await json(`/api/sites/${lecco}/supervision`)).length).toBeGreaterThan(0);
    } finally {
      await app.close();
    }
  });

  it("are the same for the same seed and day, differ for another seed, and move with the day", async () => {
    const again = await demoDatabase({ patients: 200, seed: 1, artefacts: true });
    open.push(again.database);
    expect(await artefactChecksums(again.db)).toEqual(sums);
    const other = await demoDatabase({ patients: 200, seed: 2, artefacts: true });
    open.push(other.database);
    expect((await artefactChecksums(other.db)).planning_versions).not.toEqual(sums.planning_versions);
    const later = await demoDatabase({ patients: 200, seed: 1, asOf: "2026-09-15", artefacts: true });
    open.push(later.database);
    const moved = await artefactChecksums(later.db);
    expect(moved.planning_rounds).not.toEqual(sums.planning_rounds);
    expect(moved.planning_versions).not.toEqual(sums.planning_versions);
  }, 300_000);
});
