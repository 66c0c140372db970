import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPlanningWorld, EVERYONE, type PlanningUser, type PlanningWorld } from "./support.ts";

let w: PlanningWorld;
let qid: number;
let round: number;
beforeAll(async () => {
  w = await createPlanningWorld();
});
afterAll(async () => {
  await w?.close();
});

const answer = (site: number) => `${w.base}/questionnaires/${qid}/rounds/${round}/sites/${site}`;
const values = (v: Record<string, string>) =>
  Object.entries(v).map(([question, value]) => ({ question, value }));

describe("RECO mapping survey", () => {
  it("is added to a programme by its coordinators, in the language asked", async () => {
    for (const u of EVERYONE.filter((x) => x !== "coordinator" && x !== "admin")) {
      const res = await (await w.user(u)).post(`${w.base}/reco`, {});
      expect(res.statusCode, u).toBe(403);
    }
    expect((await w.anonymous.post(`${w.base}/reco`, {})).statusCode).toBe(401);
    const coord = await w.as("coordinator");
    const res = await coord.post(`${w.base}/reco`, { language: "it" });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ code: "RECO", version: 1, questions: 7 });
    qid = res.json().id;
    const def = (await coord.get(`${w.base}/questionnaires/${qid}/definition`)).json();
    expect(def.content.title).toContain("mappatura RECO");
    const again = await coord.post(`${w.base}/reco`, { language: "en" });
    expect(again.statusCode).toBe(409);
    expect(again.json().issues[0].field).toBe("body.code");
    const [entry] = await w.audit({ entity: "planning.questionnaire" });
    expect(entry).toBeDefined();
  });

  it("classifies each responding site, with counts per model per area", async () => {
    const coord = await w.as("coordinator");
    const empty = (await coord.get(`${w.base}/reco/results`)).json();
    expect(empty).toMatchObject({ questionnaire: { id: qid }, round: null, services: [] });
    const r = await coord.post(`${w.base}/questionnaires/${qid}/rounds`, {
      label: "2026",
      opensOn: "2026-01-01",
      closesOn: "2026-12-31",
    });
    expect(r.statusCode, r.body).toBe(201);
    round = r.json().id;
    const s1 = await (await w.as("sitecoord1")).put(answer(w.ids.sites.s1), {
      baseVersion: 0,
      submitted: true,
      answers: values({
        lead: "yes",
        link_workers: "yes",
        training: "no",
        specialist_team: "no",
        network: "yes",
      }),
    });
    expect(s1.statusCode, s1.body).toBe(200);
    const s2 = await (await w.user("sitecoord2")).put(answer(w.ids.sites.s2), {
      baseVersion: 0,
      submitted: true,
      answers: values({
        lead: "no",
        link_workers: "no",
        training: "yes",
        specialist_team: "yes",
        specialist_caseload: "no",
        network: "no",
      }),
    });
    expect(s2.statusCode, s2.body).toBe(200);

    const res = await coord.get(`${w.base}/reco/results`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.round).toEqual({ id: round, label: "2026" });
    expect(
      body.services.map((s: { code: string; model: string; area: string }) => [s.code, s.model, s.area]),
    ).toEqual([
      ["S1", "lead_and_link", "North"],
      ["S2", "consultancy", "North"],
    ]);
    expect(body.areas).toEqual([
      {
        areaId: w.ids.areas.north,
        area: "North",
        counts: { lead_and_link: 1, consultancy: 1, network: 0, none: 0, incomplete: 0 },
        missing: 0,
      },
    ]);
  });

  it("shows a site team only its own site, and refuses everyone else", async () => {
    const expected: Partial<Record<PlanningUser, number[] | 403>> = {
      admin: [w.ids.sites.s1, w.ids.sites.s2],
      coordinator: [w.ids.sites.s1, w.ids.sites.s2],
      sitecoord1: [w.ids.sites.s1],
      clinician1: [w.ids.sites.s1],
      sitecoord2: [w.ids.sites.s2],
      clinician2: [w.ids.sites.s2],
      imrcoord: 403,
      viewer: 403,
    };
    for (const u of EVERYONE) {
      const res = await (await w.user(u)).get(`${w.base}/reco/results?roundId=${round}`);
      const want = expected[u]!;
      if (want === 403) {
        expect(res.statusCode, `${u}: ${res.body}`).toBe(403);
        continue;
      }
      expect(res.statusCode, `${u}: ${res.body}`).toBe(200);
      expect(res.json().services.map((s: { siteId: number }) => s.siteId)).toEqual(want);
    }
    expect((await w.anonymous.get(`${w.base}/reco/results`)).statusCode).toBe(401);
    const bad = await (await w.as("coordinator")).get(`${w.base}/reco/results?roundId=abc`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().issues[0].field).toBe("querystring.roundId");
  });
});
