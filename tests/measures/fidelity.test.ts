import { describe, expect, it } from "vitest";
import { type ValidationIssue, validationMessage } from "../../src/shared/validation-messages.ts";
import { type Who, withRegistryWorld } from "../support/registry-world.ts";
import { daysAgo, issuesOf, measureCounts, ok } from "./support.ts";

const { w, c } = withRegistryWorld();

const A = { rater: "Rater A", ratings: { "1": 4, "2": 3, "3": 5, "4": 2 } };
const B = { rater: "Rater B", ratings: { "1": 4, "2": 4, "3": 5, "4": 3 } };
const review = (extra: Record<string, unknown> = {}) => ({
  scale: "IMR-FIDELITY",
  programmeId: w.ids.programmes.bpd,
  siteId: w.ids.sites.s1,
  reviewDate: daysAgo(7),
  raters: [A, B],
  ...extra,
});

describe("fidelity reviews", () => {
  it("lists each scale with the practices it was made for (a BPD programme opens on treatment integrity)", async () => {
    const res = await c.clinician1.get("/api/fidelity/scales");
    expect(res.statusCode, res.body).toBe(200);
    const practices = Object.fromEntries(
      res.json().map((s: { code: string; practices: string[] }) => [s.code, s.practices]),
    );
    expect(practices).toEqual({
      "IMR-FIDELITY": ["IMR"],
      GOI: [],
      "TREATMENT-INTEGRITY": ["BPD-STEPPED"],
    });
    expect((await c.anonymous.get("/api/fidelity/scales")).statusCode).toBe(401);
  });

  it.each<[Who, "s1" | "s2", number]>([
    ["admin", "s1", 201],
    ["coordinator", "s2", 201],
    ["sitecoord1", "s1", 201],
    ["sitecoord1", "s2", 403],
    ["clinician1", "s1", 403],
    ["viewer", "s1", 403],
    ["anonymous", "s1", 401],
  ])("%s reviewing %s → %i, with two raters' agreement (hand-computed)", async (who, site, status) => {
    const before = await measureCounts(w);
    const res = await c[who].post("/api/fidelity/reviews", review({ siteId: w.ids.sites[site] }));
    expect(res.statusCode, res.body).toBe(status);
    const after = await measureCounts(w);
    expect(after.fidelity_reviews - before.fidelity_reviews).toBe(status === 201 ? 1 : 0);
    if (status !== 201) return;
    const r = res.json();
    expect(r.agreement).toEqual({
      raters: 2,
      itemsRatedByAll: 4,
      exactAgreement: 0.5,
      withinOneAgreement: 1,
      icc: 0.8,
    });
    expect(r.overall).toEqual({ score: 3.75, band: "moderate" });
    expect(after.fidelity_ratings - before.fidelity_ratings).toBe(8);
    const [entry] = await w.audit({ entity: "fidelity_review", action: "create", entityId: r.id });
    expect(entry).toMatchObject({ actor: who, siteId: w.ids.sites[site], detail: { before: null } });
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ["a review with no items rated", { raters: [{ rater: "A", ratings: {} }] }, ["body.raters:empty"]],
    [
      "a rating outside the scale",
      { raters: [{ rater: "A", ratings: { "1": 6 } }] },
      ["body.raters.0.ratings.1:range"],
    ],
    ["a rating of 0", { raters: [{ rater: "A", ratings: { "1": 0 } }] }, ["body.raters.0.ratings.1:range"]],
    [
      "a fractional rating",
      { raters: [{ rater: "A", ratings: { "1": 2.5 } }] },
      ["body.raters.0.ratings.1:range"],
    ],
    [
      "an item the scale does not have",
      { raters: [{ rater: "A", ratings: { "14": 3 } }] },
      ["body.raters.0.ratings.14:unknown_item"],
    ],
    ["a rater named twice", { raters: [A, { ...B, rater: "Rater A" }] }, ["body.raters.1.rater:unique"]],
    ["an unknown scale", { scale: "FOO" }, ["body.scale:unknown_scale"]],
    ["a site outside the programme", { siteId: 0 }, ["body.siteId:too_small"]],
    ["a future date", { reviewDate: "2999-01-01" }, ["body.reviewDate:future"]],
    ["no rater", { raters: [] }, ["body.raters:too_small"]],
  ])("refuses %s with 400, storing nothing", async (_name, patch, expected) => {
    const before = await measureCounts(w);
    const res = await c.admin.post("/api/fidelity/reviews", review(patch));
    expect(res.statusCode, res.body).toBe(400);
    expect(issuesOf(res)).toEqual(expected);
    expect(await measureCounts(w)).toEqual(before);
  });

  it("says a rating's range in Italian too (the scale's 1–5), not only 'out of range'", async () => {
    const res = await c.admin.post(
      "/api/fidelity/reviews",
      review({ raters: [{ rater: "A", ratings: { "1": 6 } }] }),
    );
    const [issue] = res.json().issues as ValidationIssue[];
    expect(res.json().issues, res.body).toHaveLength(1);
    expect(issue!.params).toEqual({ min: 1, max: 5 });
    expect(validationMessage(issue!, "it", { label: "Valutazione" })).toBe(
      "Valutazione: deve essere tra 1 e 5",
    );
    expect(validationMessage(issue!, "en", { label: "Rating" })).toBe("Rating must be from 1 to 5");
  });

  it("scores the integrity scale per level, for a therapist of the site", async () => {
    const pro = await w.database.db
      .insertInto("professionals")
      .values({
        code: "TH-1",
        site_id: w.ids.sites.s1,
        profile: "psychologist",
        in_implementation_team: true,
        team_coordinator: false,
        trained: true,
        training_hours: 20,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const r = ok(
      await c.sitecoord1.post(
        "/api/fidelity/reviews",
        review({
          scale: "TREATMENT-INTEGRITY",
          professionalId: pro.id,
          raters: [{ rater: "X", ratings: { O1: 7, O2: 2, T3: 3, P2: 6 } }],
        }),
      ),
      201,
    );
    expect(r.levels.map((l: { level: string; score: number }) => [l.level, l.score])).toEqual([
      ["organisation", 4.5],
      ["team", 3],
      ["therapist", 6],
    ]);
    const other = await c.coordinator.post(
      "/api/fidelity/reviews",
      review({ siteId: w.ids.sites.s2, professionalId: pro.id }),
    );
    expect(issuesOf(other)).toEqual(["body.professionalId:reference"]);
  });

  it("keeps the history of a site and compares sites (radar and heat map data)", async () => {
    ok(
      await c.admin.post(
        "/api/fidelity/reviews",
        review({ reviewDate: daysAgo(1), raters: [{ rater: "C", ratings: { "1": 5, "4": 4 } }] }),
      ),
      201,
    );
    const history = ok(
      await c.clinician1.get(
        `/api/sites/${w.ids.sites.s1}/fidelity/reviews?programmeId=${w.ids.programmes.bpd}&scale=IMR-FIDELITY`,
      ),
    );
    expect(history.items[0]).toMatchObject({ reviewDate: daysAgo(1), overall: { score: 4.5, band: "high" } });
    expect(history.items.length).toBeGreaterThan(1);
    expect(
      (
        await c.clinician3.get(
          `/api/sites/${w.ids.sites.s1}/fidelity/reviews?programmeId=${w.ids.programmes.bpd}`,
        )
      ).statusCode,
    ).toBe(403);
    const cmp = ok(
      await c.viewer.get(`/api/programmes/${w.ids.programmes.bpd}/fidelity/comparison?scale=IMR-FIDELITY`),
    );
    expect(
      cmp.sites.map((s: { siteCode: string; overall: number | null }) => [s.siteCode, s.overall]),
    ).toEqual([
      ["S1", 4.5],
      ["S2", 3.75],
    ]);
    expect(cmp.sites[0].items).toMatchObject({ "1": 5, "4": 4, "2": null });
    expect(
      (
        await c.clinician3.get(
          `/api/programmes/${w.ids.programmes.bpd}/fidelity/comparison?scale=IMR-FIDELITY`,
        )
      ).statusCode,
    ).toBe(403);
  });
});

describe("low items into the site's action plan", () => {
  it("creates activities through the planning toolkit, once", async () => {
    const r = ok(await c.sitecoord1.post("/api/fidelity/reviews", review()), 201);
    const url = `/api/fidelity/reviews/${r.id}/action-plan`;
    const body = { start: daysAgo(0), end: "2099-12-31" };
    expect((await c.clinician1.post(url, body)).statusCode).toBe(403);
    expect(issuesOf(await c.sitecoord1.post(url, { start: "2030-01-02", end: "2030-01-01" }))).toEqual([
      "body.end:end_before_start",
    ]);
    const made = ok(await c.sitecoord1.post(url, { ...body, threshold: 3.5 }), 201);
    expect(made.activities.map((a: { itemId: string; rating: number }) => [a.itemId, a.rating])).toEqual([
      ["4", 2.5],
      ["2", 3.5],
    ]);
    const plan = ok(
      await c.sitecoord1.get(
        `/api/programmes/${w.ids.programmes.bpd}/planning/action-plan/sites/${w.ids.sites.s1}`,
      ),
    );
    const area = plan.content.strategicAreas.find(
      (a: { title: string }) => a.title === "Fidelity — IMR Fidelity Scale",
    );
    expect(area.subAreas[0].activities[0]).toMatchObject({
      title: 'Raise "Provision of educational handouts" (rated 2.5 of 5)',
      description: "Aim for 3: 40–69% of IMR clients receive the handouts.",
      status: "planned",
    });
    expect(plan.version).toBe(made.planVersion);
    expect((await c.sitecoord1.post(url, body)).statusCode).toBe(409);
    expect((await c.coordinator.post(url, { ...body, threshold: 1 })).statusCode).toBe(409);
  });
});
