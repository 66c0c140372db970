import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CATALOGUE_IDS } from "../../src/server/indicators/catalogue.ts";
import { createPlanningWorld, EVERYONE, type PlanningUser, type PlanningWorld } from "./support.ts";

let w: PlanningWorld;
let chain: string;
const IND = CATALOGUE_IDS[0]!;
beforeAll(async () => {
  w = await createPlanningWorld();
  chain = `${w.base}/chain/region`;
});
afterAll(async () => {
  await w?.close();
});

async function save(path: string, content: object) {
  const coord = await w.as("coordinator");
  const { version } = (await coord.get(`${w.base}/${path}`)).json();
  const res = await coord.put(`${w.base}/${path}`, { baseVersion: version, ...content });
  expect(res.statusCode, `${path}: ${res.body}`).toBe(200);
}

const TOC = {
  nodes: [
    { id: "o1", type: "output", text: "Patients enrolled" },
    { id: "oc1", type: "outcome", text: "Early intensive care" },
  ],
  edges: [{ id: "e1", from: "o1", to: "oc1" }],
};
const ACTIVITY = { start: "2026-01-01", end: "2026-12-31", responsibleActor: "Team" };
const PLAN = (tocOutputNodeId: string | null) => ({
  strategicAreas: [
    {
      id: "sa1",
      title: "Care pathways",
      subAreas: [
        {
          id: "sub1",
          title: "Enrolment",
          activities: [
            { id: "a1", title: "Weekly screening", tocOutputNodeId, ...ACTIVITY },
            { id: "a2", title: "Case managers", ...ACTIVITY },
          ],
        },
      ],
    },
  ],
});
const link = (from: [string, string], to: [string, string]) => ({
  from: { kind: from[0], key: from[1] },
  to: { kind: to[0], key: to[1] },
});
const flags = (body: { flags: Array<{ flag: string; kind: string; key: string }> }) =>
  body.flags.map((f) => `${f.flag} ${f.kind}:${f.key}`).sort();

describe("the planning chain", () => {
  it("reads the links the artefacts carry and flags what is missing", async () => {
    await save("sana/template", {
      areas: [
        { id: "ar1", title: "Services", indicators: [{ id: "f1", name: "Waiting list", type: "number" }] },
      ],
    });
    await save("sana/region", { values: [{ indicatorId: "f1", value: 120 }] });
    await save("swot/region", { items: [{ id: "w1", quadrant: "weakness", text: "Late first contact" }] });
    await save("toc/region", TOC);
    await save("action-plan/region", PLAN("o1"));
    await save("roadmap/region", {
      objectives: [{ id: "r1", objective: "Screen every new patient", timeframe: "2026" }],
    });
    const res = await (await w.as("coordinator")).get(chain);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.canEdit).toBe(true);
    expect(body.nodes.find((n: { key: string }) => n.key === "f1").label).toBe("Waiting list: 120");
    expect(body.links).toEqual([
      {
        id: null,
        from: { kind: "toc_node", key: "o1" },
        to: { kind: "activity", key: "a1" },
        source: "artefact",
        broken: false,
      },
    ]);
    expect(flags(body)).toEqual([
      "activity_without_output activity:a2",
      "output_without_indicator toc_node:o1",
      "swot_without_activity swot_item:w1",
    ]);
  });

  it("stores links one step down the chain, audited, and follows them both ways", async () => {
    const coord = await w.as("coordinator");
    const add = async (l: object) => {
      const res = await coord.post(`${chain}/links`, l);
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as number;
    };
    await add(link(["sana_finding", "f1"], ["swot_item", "w1"]));
    await add(link(["swot_item", "w1"], ["toc_node", "o1"]));
    await add(link(["activity", "a1"], ["indicator", IND]));
    await add(link(["indicator", IND], ["roadmap_objective", "r1"]));
    const [entry] = await w.audit({ entity: "planning.chain_link" });
    expect(entry).toMatchObject({ action: "create", programmeId: w.ids.programmes.bpd });

    const res = await coord.get(`${chain}?focus=toc_node:o1`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().focus).toEqual({
      ref: "toc_node:o1",
      upstream: ["swot_item:w1", "sana_finding:f1"],
      downstream: ["activity:a1", `indicator:${IND}`, `roadmap_objective:r1`],
    });
    expect(flags(res.json())).toEqual([
      "activity_without_output activity:a2",
      "output_without_indicator toc_node:o1",
    ]);
    const back = (await coord.get(`${chain}?focus=roadmap_objective:r1`)).json().focus;
    expect(back.upstream).toContain("sana_finding:f1");
    expect(back.downstream).toEqual([]);
  });

  it("refuses a link that skips a step, names a missing item, or is there already", async () => {
    const coord = await w.as("coordinator");
    const skip = await coord.post(`${chain}/links`, link(["swot_item", "w1"], ["activity", "a1"]));
    expect(skip.statusCode).toBe(400);
    expect(skip.json().issues[0]).toMatchObject({ field: "body.to.kind", rule: "check" });
    const missing = await coord.post(`${chain}/links`, link(["swot_item", "nope"], ["toc_node", "o1"]));
    expect(missing.statusCode).toBe(400);
    expect(missing.json().issues[0]).toMatchObject({ field: "body.from.key", rule: "reference" });
    const twice = await coord.post(`${chain}/links`, link(["swot_item", "w1"], ["toc_node", "o1"]));
    expect(twice.statusCode).toBe(409);
    const carried = await coord.post(`${chain}/links`, link(["toc_node", "o1"], ["activity", "a1"]));
    expect(carried.statusCode).toBe(409);
    const badFocus = await coord.get(`${chain}?focus=swot_item:nope`);
    expect(badFocus.statusCode).toBe(400);
    expect(badFocus.json().issues[0].field).toBe("querystring.focus");
  });

  it("flags a link whose target a later version deleted, keeping the versions as they are", async () => {
    await save("roadmap/region", {
      objectives: [{ id: "r2", objective: "Another objective", timeframe: "2027" }],
    });
    await save("action-plan/region", PLAN(null));
    const body = (await (await w.as("coordinator")).get(chain)).json();
    expect(flags(body)).toEqual([
      "activity_without_output activity:a1",
      "activity_without_output activity:a2",
      "broken_link roadmap_objective:r1",
      "output_without_indicator toc_node:o1",
      "swot_without_activity swot_item:w1",
    ]);
    expect(body.nodes.find((n: { key: string }) => n.key === "r1")).toMatchObject({ exists: false });
    const old = await (await w.as("coordinator")).get(`${w.base}/roadmap/region/versions/1`);
    expect(old.json().content.objectives[0].id).toBe("r1");
  });

  it("lets the programme's coordinators edit, site teams read their site's chain, and refuses the rest", async () => {
    const edit: PlanningUser[] = ["admin", "coordinator"];
    const readRegion: PlanningUser[] = [
      "admin",
      "coordinator",
      "sitecoord1",
      "sitecoord2",
      "clinician1",
      "clinician2",
      "viewer",
    ];
    const readS1: PlanningUser[] = ["admin", "coordinator", "sitecoord1", "clinician1"];
    const s1 = `${w.base}/chain/sites/${w.ids.sites.s1}`;
    for (const u of EVERYONE) {
      const c = await w.user(u);
      const region = await c.get(chain);
      expect(region.statusCode, `${u} region`).toBe(readRegion.includes(u) ? 200 : 403);
      if (region.statusCode === 200) expect(region.json().canEdit, u).toBe(edit.includes(u));
      expect((await c.get(s1)).statusCode, `${u} S1`).toBe(readS1.includes(u) ? 200 : 403);
      const added = await c.post(`${s1}/links`, link(["swot_item", "x"], ["toc_node", "o1"]));
      // allowed users reach the domain check (no SWOT item x at S1): 400; the rest are refused
      expect(added.statusCode, `${u} add`).toBe(edit.includes(u) ? 400 : 403);
    }
    expect((await w.anonymous.get(chain)).statusCode).toBe(401);
    expect(
      (await (await w.as("coordinator")).get(`${w.base}/chain/sites/${w.ids.sites.s3}`)).statusCode,
    ).toBe(404);
  });

  it("removes a stored link, audited; only the coordinators may", async () => {
    const coord = await w.as("coordinator");
    const stored = (await coord.get(chain)).json().links.filter((l: { id: number | null }) => l.id !== null);
    const id = stored[0].id;
    for (const u of ["sitecoord1", "clinician1", "viewer", "imrcoord"] as const)
      expect((await (await w.user(u)).delete(`${chain}/links/${id}`)).statusCode, u).toBe(403);
    expect((await coord.delete(`${w.base}/chain/sites/${w.ids.sites.s1}/links/${id}`)).statusCode).toBe(404);
    expect((await coord.delete(`${chain}/links/${id}`)).statusCode).toBe(200);
    expect((await coord.delete(`${chain}/links/${id}`)).statusCode).toBe(404);
    const [entry] = await w.audit({ entity: "planning.chain_link", action: "delete" });
    expect(entry).toBeDefined();
    expect(
      (await coord.get(chain)).json().links.filter((l: { id: number | null }) => l.id !== null),
    ).toHaveLength(stored.length - 1);
  });
});
