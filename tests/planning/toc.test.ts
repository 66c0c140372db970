import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { edgeProblem } from "../../src/server/planning/toc/graph-rules.ts";
import { NODE_TYPES } from "../../src/server/planning/toc/schemas.ts";
import { createPlanningWorld, EVERYONE, type PlanningUser, type PlanningWorld } from "./support.ts";

let w: PlanningWorld;
let region: string;
let s1: string;
beforeAll(async () => {
  w = await createPlanningWorld();
  region = `${w.base}/toc/region`;
  s1 = `${w.base}/toc/sites/${w.ids.sites.s1}`;
});
afterAll(async () => {
  await w?.close();
});

const NODES = [
  { id: "imp", type: "impact", text: "Better lives for young adults with BPD" },
  {
    id: "oc1",
    type: "outcome",
    text: "Early intensive psychosocial care",
    indicatorIds: ["intensive_care_first_90_days"],
  },
  { id: "oc2", type: "outcome", text: "Families involved" },
  {
    id: "op1",
    type: "output",
    text: "At least 15 patients enrolled per site",
    indicatorIds: ["enrolled_patients"],
  },
  { id: "ac1", type: "activity", text: "Train professionals in GPM and DBT" },
  { id: "ac2", type: "activity", text: "Activate Family Connections groups" },
  { id: "in1", type: "input", text: "Trained staff with permanent contracts" },
  { id: "as1", type: "assumption", text: "DMH directors support the project" },
  { id: "rk1", type: "risk", text: "Shortage of mental health workers" },
];
const EDGES = [
  { from: "in1", to: "ac1", rationale: "staff time" },
  { from: "ac1", to: "op1", rationale: "trained teams enrol patients" },
  { from: "ac2", to: "oc2" },
  { from: "op1", to: "oc1" },
  { from: "oc1", to: "oc2", rationale: "intermediate outcome" },
  { from: "oc1", to: "imp" },
  { from: "oc2", to: "imp" },
  { from: "as1", to: "op1" },
  { from: "rk1", to: "oc1" },
];

async function save(user: PlanningUser, url: string, body: object) {
  const c = await w.user(user);
  const { version } = (await (await w.as("admin")).get(url)).json();
  return c.put(url, { baseVersion: version, ...body });
}

describe("Theory of Change", () => {
  it("stores a sensible graph with indicator references on outcomes and outputs", async () => {
    const res = await save("coordinator", region, { nodes: NODES, edges: EDGES });
    expect(res.statusCode, res.body).toBe(200);
    const doc = res.json();
    expect(doc.content.nodes.find((n: { id: string }) => n.id === "op1").indicatorIds).toEqual([
      "enrolled_patients",
    ]);
    expect(doc.content.edges).toHaveLength(EDGES.length);
    expect(doc.content.edges.every((e: { id: string }) => e.id.startsWith("edge-"))).toBe(true);
  });

  const refused: Array<[string, Array<{ from: string; to: string }>, string, string]> = [
    ["impact → activity", [{ from: "imp", to: "ac1" }], "edge_type", "the impact is the end of the chain"],
    ["outcome → input", [{ from: "oc1", to: "in1" }], "edge_type", "nothing leads to it"],
    ["impact → assumption", [{ from: "imp", to: "as1" }], "edge_type", "nothing leads to an assumption"],
    ["outcome → risk", [{ from: "oc1", to: "rk1" }], "edge_type", "nothing leads to a risk"],
    ["output → activity (backwards)", [{ from: "op1", to: "ac2" }], "edge_type", "cannot lead back"],
    ["input → output", [{ from: "in1", to: "op1" }], "edge_type", "an input leads to the activities"],
    ["self-loop", [{ from: "oc2", to: "oc2" }], "self_loop", "cannot lead to itself"],
    ["duplicate", [{ from: "oc1", to: "imp" }], "duplicate", "already drawn"],
    ["cycle among outcomes", [{ from: "oc2", to: "oc1" }], "cycle", "closes a cycle"],
    ["unknown node", [{ from: "ac1", to: "nope" }], "reference", 'no node has the id "nope"'],
  ];
  for (const [name, extra, rule, words] of refused) {
    it(`refuses ${name}, naming the arrow and explaining why`, async () => {
      const before = (await (await w.as("coordinator")).get(region)).json();
      const res = await save("coordinator", region, { nodes: NODES, edges: [...EDGES, ...extra] });
      expect(res.statusCode).toBe(400);
      const issue = res.json().issues[0];
      const field = rule === "reference" ? `body.edges.${EDGES.length}.to` : `body.edges.${EDGES.length}`;
      expect(issue).toMatchObject({ field, rule });
      expect(issue.message).toContain(words);
      const after = (await (await w.as("coordinator")).get(region)).json();
      expect(after.version).toBe(before.version);
    });
  }

  it("names the nodes of a cycle in the explanation", async () => {
    const res = await save("coordinator", region, {
      nodes: NODES,
      edges: [...EDGES, { from: "oc2", to: "oc1" }],
    });
    expect(res.json().issues[0].message).toContain(
      'outcome "Early intensive psychosocial care" → outcome "Families involved" → outcome "Early intensive psychosocial care"',
    );
  });

  it("refuses indicators on other nodes than outcomes and outputs, and duplicate node ids", async () => {
    const nodes = [
      ...NODES,
      { id: "ac3", type: "activity", text: "x", indicatorIds: ["a"] },
      { ...NODES[0] },
    ];
    const res = await save("coordinator", region, { nodes, edges: [] });
    expect(res.statusCode).toBe(400);
    expect(res.json().issues.map((i: { field: string }) => i.field)).toEqual([
      `body.nodes.${NODES.length}.indicatorIds`,
      `body.nodes.${NODES.length + 1}.id`,
    ]);
  });

  it("has an answer for every pair of node types", () => {
    const allowed = NODE_TYPES.flatMap((from) =>
      NODE_TYPES.filter((to) => edgeProblem(from, to) === null).map((to) => `${from}>${to}`),
    );
    expect(allowed.sort()).toEqual(
      [
        "input>activity",
        "activity>activity",
        "activity>output",
        "activity>outcome",
        "activity>impact",
        "output>output",
        "output>outcome",
        "output>impact",
        "outcome>outcome",
        "outcome>impact",
        "assumption>impact",
        "assumption>outcome",
        "assumption>output",
        "assumption>activity",
        "risk>impact",
        "risk>outcome",
        "risk>output",
        "risk>activity",
      ].sort(),
    );
  });

  it("is edited by the site's coordinator at a site, read by its clinicians, refused to others", async () => {
    const writers: Array<[PlanningUser, number]> = [
      ["sitecoord1", 200],
      ["sitecoord2", 403],
      ["clinician1", 403],
      ["coordinator", 403],
      ["viewer", 403],
      ["imrcoord", 403],
    ];
    for (const [u, status] of writers) {
      const res = await save(u, s1, { nodes: NODES.slice(0, 2), edges: [{ from: "oc1", to: "imp" }] });
      expect(res.statusCode, u).toBe(status);
    }
    for (const u of EVERYONE) {
      const res = await (await w.user(u)).get(s1);
      const ok = ["admin", "coordinator", "sitecoord1", "clinician1"].includes(u);
      expect(res.statusCode, u).toBe(ok ? 200 : 403);
    }
  });

  it("exports nodes and arrows to XLSX but leaves the diagram (SVG/PNG) to the browser", async () => {
    const c = await w.as("viewer");
    const xlsx = await c.get(`${region}/export.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    expect((await c.get(`${region}/export.pdf`)).statusCode).toBe(404);
  });
});
