import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPlanningWorld, EVERYONE, type PlanningUser, type PlanningWorld } from "./support.ts";

/**
 * Sites start from the region (docs/planning.md, "Sites start from the region"): the template
 * and the region's saves give every site without a Theory of Change or action plan a copy of the
 * region's, linked to the region version; the overview tells who follows, who edited, and where
 * the region is newer; a site starts from (or takes) the region's version when it asks.
 * One world, the tests in order.
 */
let w: PlanningWorld;
let s1: number;
let s2: number;
beforeAll(async () => {
  w = await createPlanningWorld();
  s1 = w.ids.sites.s1;
  s2 = w.ids.sites.s2;
});
afterAll(async () => {
  await w?.close();
});

type Link = { status: string; startedFrom: number | null; regionVersion: number; regionNewer: boolean };
const overviewLink = async (kind: string, siteId: number, as: PlanningUser = "coordinator") => {
  const entries = (await (await w.user(as)).get(w.base)).json() as Array<{
    kind: string;
    siteId: number | null;
    fromRegion: Link | null;
  }>;
  return entries.find((e) => e.kind === kind && e.siteId === siteId)?.fromRegion;
};
const ownToc = {
  nodes: [{ id: "own-impact", type: "impact", text: "Our own impact", indicatorIds: [] }],
  edges: [],
};

describe("sites start from the region", () => {
  it("has nothing to start from before the region saved anything", async () => {
    const sc = await w.as("sitecoord1");
    const link = (await sc.get(`${w.base}/toc/sites/${s1}/from-region`)).json();
    expect(link).toMatchObject({ status: "not_started", regionVersion: 0, canTake: false });
    const res = await sc.post(`${w.base}/toc/sites/${s1}/from-region`, { regionVersion: 1, baseVersion: 0 });
    expect(res.statusCode).toBe(409);
    expect(res.json().issues[0]).toMatchObject({ field: "body.regionVersion", rule: "nothing_to_copy" });
  });

  it("copies the region's Theory of Change and action plan to every site without one when the template is applied", async () => {
    // S2 drew its own Theory of Change before the region: it keeps it
    const own = await (await w.user("sitecoord2")).put(`${w.base}/toc/sites/${s2}`, {
      baseVersion: 0,
      ...ownToc,
    });
    expect(own.statusCode, own.body).toBe(200);
    const res = await (await w.as("coordinator")).post(`${w.base}/apply-template`, {
      template: "implemental",
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().started).toEqual([
      { kind: "toc", sites: 1 },
      { kind: "action_plan", sites: 2 },
    ]);
    const sc = await w.as("sitecoord1");
    const [regionToc, siteToc] = await Promise.all([
      sc.get(`${w.base}/toc/region`),
      sc.get(`${w.base}/toc/sites/${s1}`),
    ]);
    expect(siteToc.json().version).toBe(1);
    expect(siteToc.json().content).toEqual(regionToc.json().content);
    const s2Toc = (await (await w.user("sitecoord2")).get(`${w.base}/toc/sites/${s2}`)).json();
    expect(s2Toc.content.nodes.map((n: { id: string }) => n.id)).toEqual(["own-impact"]);
    // activities of a copied plan keep their regional id as originId (the template has none yet)
    const plan = (await sc.get(`${w.base}/action-plan/sites/${s1}`)).json();
    expect(plan.version).toBe(1);
    expect(plan.content.strategicAreas).toHaveLength(5);
    // the situation analysis is not copied by itself: the region's figures are not the site's
    expect((await sc.get(`${w.base}/sana/sites/${s1}`)).json().version).toBe(0);

    expect(await overviewLink("toc", s1)).toEqual({
      status: "follows",
      startedFrom: 1,
      regionVersion: 1,
      regionNewer: false,
    });
    expect(await overviewLink("toc", s2)).toMatchObject({ status: "own", startedFrom: null });
    const audits = await w.audit({ entity: "planning.toc" });
    const copy = audits.find((a) => a.siteId === s1 && a.action === "create")!;
    expect(copy.detail).toMatchObject({ version: 1, fromRegionVersion: 1, template: "implemental" });
  });

  it("shows a site edited locally as diverged, and where the region is newer", async () => {
    const sc = await w.as("sitecoord1");
    const doc = (await sc.get(`${w.base}/toc/sites/${s1}`)).json();
    const nodes = doc.content.nodes.map((n: { type: string; text: string }) =>
      n.type === "impact" ? { ...n, text: `${n.text} in Lecco` } : n,
    );
    const edited = await sc.put(`${w.base}/toc/sites/${s1}`, {
      baseVersion: 1,
      nodes,
      edges: doc.content.edges,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(await overviewLink("toc", s1)).toEqual({
      status: "edited",
      startedFrom: 1,
      regionVersion: 1,
      regionNewer: false,
    });
    // the region saves a new version: the site's edited copy stays as it is
    const coord = await w.as("coordinator");
    const region = (await coord.get(`${w.base}/toc/region`)).json();
    const v2 = await coord.put(`${w.base}/toc/region`, {
      baseVersion: region.version,
      nodes: [...region.content.nodes, { id: "risk-x", type: "risk", text: "Turnover", indicatorIds: [] }],
      edges: region.content.edges,
    });
    expect(v2.statusCode, v2.body).toBe(200);
    expect(await overviewLink("toc", s1, "sitecoord1")).toEqual({
      status: "edited",
      startedFrom: 1,
      regionVersion: 2,
      regionNewer: true,
    });
    const link = (await sc.get(`${w.base}/toc/sites/${s1}/from-region`)).json();
    expect(link).toMatchObject({ status: "edited", siteVersion: 2, canTake: true });
    expect(link.local.changes).toEqual([
      expect.objectContaining({ type: "changed", path: expect.arrayContaining(["text"]) }),
    ]);
    expect(link.region).toMatchObject({ fromVersion: 1, toVersion: 2 });
    expect(link.region.changes).toEqual([
      expect.objectContaining({ type: "added", path: ["nodes", "risk-x"] }),
    ]);
  });

  it("lets the site take the region's newer version, refusing a stale one", async () => {
    const sc = await w.as("sitecoord1");
    const stale = await sc.post(`${w.base}/toc/sites/${s1}/from-region`, {
      regionVersion: 1,
      baseVersion: 2,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().issues[0]).toMatchObject({ field: "body.regionVersion", rule: "stale_version" });
    const behind = await sc.post(`${w.base}/toc/sites/${s1}/from-region`, {
      regionVersion: 2,
      baseVersion: 1,
    });
    expect(behind.statusCode).toBe(409);
    expect(behind.json().issues[0]).toMatchObject({ field: "body.baseVersion", rule: "stale_version" });
    const bad = await sc.post(`${w.base}/toc/sites/${s1}/from-region`, { baseVersion: 2 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().issues[0]).toMatchObject({ field: "body.regionVersion", rule: "required" });
    const taken = await sc.post(`${w.base}/toc/sites/${s1}/from-region`, {
      regionVersion: 2,
      baseVersion: 2,
    });
    expect(taken.statusCode, taken.body).toBe(200);
    expect(taken.json()).toMatchObject({ version: 3, canEdit: true });
    expect(await overviewLink("toc", s1)).toEqual({
      status: "follows",
      startedFrom: 2,
      regionVersion: 2,
      regionNewer: false,
    });
    const audit = (await w.audit({ entity: "planning.toc" })).find(
      (a) => a.siteId === s1 && (a.detail as { version?: number }).version === 3,
    )!;
    expect(audit.action).toBe("update");
    expect(audit.detail).toMatchObject({ fromRegionVersion: 2 });
  });

  it("lets whoever edits the site, and the regional coordinators for a site not started, start from the region's — nobody else", async () => {
    const coord = await w.as("coordinator");
    const region = await coord.put(`${w.base}/sana/region`, {
      baseVersion: 0,
      values: [{ indicatorId: "pol-plan", value: true, source: "Regional plan", year: 2025, note: "" }],
    });
    expect(region.statusCode, region.body).toBe(200);
    // reading where the site stands: whoever reads the site's artefacts
    for (const [u, status] of [
      ["admin", 200],
      ["coordinator", 200],
      ["sitecoord1", 200],
      ["clinician1", 200],
      ["sitecoord2", 403],
      ["clinician2", 403],
      ["viewer", 403],
      ["imrcoord", 403],
    ] as const) {
      const res = await (await w.user(u)).get(`${w.base}/sana/sites/${s1}/from-region`);
      expect(res.statusCode, u).toBe(status);
      if (status === 200)
        expect(res.json().canTake, u).toBe(u === "admin" || u === "coordinator" || u === "sitecoord1");
    }
    // starting a site that has nothing: no one outside the programme's coordination and the site
    for (const u of EVERYONE.filter((x) => !["admin", "coordinator", "sitecoord1"].includes(x))) {
      const res = await (await w.user(u)).post(`${w.base}/sana/sites/${s1}/from-region`, {
        regionVersion: 1,
        baseVersion: 0,
      });
      expect(res.statusCode, u).toBe(403);
    }
    const seeded = await coord.post(`${w.base}/sana/sites/${s1}/from-region`, {
      regionVersion: 1,
      baseVersion: 0,
    });
    expect(seeded.statusCode, seeded.body).toBe(200);
    expect(seeded.json()).toMatchObject({ version: 1, canEdit: false });
    expect(seeded.json().content.values[0]).toMatchObject({ indicatorId: "pol-plan", value: true });
    // once the site has a version, only its coordinator or an administrator may replace it
    const again = await coord.post(`${w.base}/sana/sites/${s1}/from-region`, {
      regionVersion: 1,
      baseVersion: 1,
    });
    expect(again.statusCode).toBe(403);
    expect(again.json().message).toContain("only an administrator or the coordinator of this site");
    for (const u of ["sitecoord1", "admin"] as const) {
      const current = (await (await w.as(u)).get(`${w.base}/sana/sites/${s1}`)).json().version;
      const res = await (await w.as(u)).post(`${w.base}/sana/sites/${s1}/from-region`, {
        regionVersion: 1,
        baseVersion: current,
      });
      expect(res.statusCode, u).toBe(200);
    }
    // artefacts a site never copies have no such route
    expect((await coord.get(`${w.base}/swot/sites/${s1}/from-region`)).statusCode).toBe(404);
  });

  it("records the regional version a plan copied to sites comes from", async () => {
    const coord = await w.as("coordinator");
    const region = (await coord.get(`${w.base}/action-plan/region`)).json();
    const saved = await coord.put(`${w.base}/action-plan/region`, {
      baseVersion: region.version,
      strategicAreas: region.content.strategicAreas.map((sa: { title: string }, i: number) =>
        i === 0 ? { ...sa, title: `${sa.title} (revised)` } : sa,
      ),
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(await overviewLink("action_plan", s2)).toMatchObject({ status: "follows", regionNewer: true });
    const copied = await coord.post(`${w.base}/action-plan/region/copy-to-sites`, {
      siteIds: [s2],
      replace: true,
    });
    expect(copied.statusCode, copied.body).toBe(200);
    expect(await overviewLink("action_plan", s2)).toEqual({
      status: "follows",
      startedFrom: 2,
      regionVersion: 2,
      regionNewer: false,
    });
  });

  it("never writes a copy over a site's first version saved at the same time as the region's", async () => {
    // a new region version and a site saving its first version at the same time end with one of
    // them as the site's version 1 — never the copy written over the site's own
    const coord = await w.as("coordinator");
    const admin = await w.as("admin");
    // a third site joins the programme later: it has nothing yet
    await w.database.db
      .insertInto("programme_sites")
      .values({ programme_id: w.ids.programmes.bpd, site_id: w.ids.sites.s3, target_enrolment: null })
      .execute();
    const s3 = w.ids.sites.s3;
    expect(await overviewLink("toc", s3)).toBeUndefined();
    const region = (await coord.get(`${w.base}/toc/region`)).json();
    const [regionSave, siteSave] = await Promise.all([
      coord.put(`${w.base}/toc/region`, {
        baseVersion: region.version,
        nodes: region.content.nodes,
        edges: region.content.edges.slice(1),
      }),
      admin.put(`${w.base}/toc/sites/${s3}`, { baseVersion: 0, ...ownToc }),
    ]);
    expect(regionSave.statusCode, regionSave.body).toBe(200);
    const site = (await admin.get(`${w.base}/toc/sites/${s3}`)).json();
    expect(site.version).toBe(1);
    if (siteSave.statusCode === 200) {
      expect(site.content.nodes.map((n: { id: string }) => n.id)).toEqual(["own-impact"]);
      expect(await overviewLink("toc", s3)).toMatchObject({ status: "own" });
    } else {
      expect(siteSave.statusCode).toBe(409);
      expect(await overviewLink("toc", s3)).toMatchObject({
        status: "follows",
        startedFrom: region.version + 1,
      });
    }
  });
});
