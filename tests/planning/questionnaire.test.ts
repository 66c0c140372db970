import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPlanningWorld, EVERYONE, type PlanningWorld } from "./support.ts";

let w: PlanningWorld;
let qid: number;
let r1: number;
let r2: number;
beforeAll(async () => {
  w = await createPlanningWorld();
});
afterAll(async () => {
  await w?.close();
});

const QUESTIONS = [
  {
    code: "coord",
    text: "Has the local Implementation Team a coordinator?",
    type: "single_choice",
    options: [
      { code: "yes", label: "Yes" },
      { code: "no", label: "No" },
    ],
    required: true,
  },
  {
    code: "groups",
    text: "Which groups are active?",
    type: "multi_choice",
    options: [
      { code: "dbt", label: "DBT skills training" },
      { code: "fc", label: "Family Connections" },
      { code: "none", label: "None yet" },
    ],
  },
  { code: "enrolled", text: "Patients enrolled so far", type: "number", min: 0, max: 1000 },
  { code: "obstacles", text: "Main obstacles", type: "text" },
];

const answerUrl = (round: number, site: number) =>
  `${w.base}/questionnaires/${qid}/rounds/${round}/sites/${site}`;

describe("progress questionnaire", () => {
  it("is defined as data by the programme's coordinators", async () => {
    for (const u of EVERYONE.filter((x) => x !== "coordinator")) {
      const res = await (await w.user(u)).post(`${w.base}/questionnaires`, {
        code: `Q-${u}`,
        title: "x",
        questions: QUESTIONS,
      });
      expect(res.statusCode, u).toBe(u === "admin" ? 201 : 403);
    }
    const coord = await w.as("coordinator");
    const bad = await coord.post(`${w.base}/questionnaires`, {
      code: "PIPQ",
      title: "Pilot implementation progress",
      questions: [
        { ...QUESTIONS[0], options: [{ code: "yes", label: "Yes" }] },
        { ...QUESTIONS[2], options: [{ code: "a", label: "A" }] },
        QUESTIONS[3],
        QUESTIONS[3],
      ],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().issues.map((i: { field: string }) => i.field)).toEqual([
      "body.questions.0.options",
      "body.questions.1.options",
      "body.questions.3.code",
    ]);
    const res = await coord.post(`${w.base}/questionnaires`, {
      code: "PIPQ",
      title: "Pilot implementation progress",
      questions: QUESTIONS,
    });
    expect(res.statusCode, res.body).toBe(201);
    qid = res.json().id;
    expect(res.json()).toMatchObject({ code: "PIPQ", version: 1, questions: 4, rounds: [] });
    expect(
      (await coord.post(`${w.base}/questionnaires`, { code: "PIPQ", title: "again", questions: [] }))
        .statusCode,
    ).toBe(409);
  });

  it("opens rounds with dates in order, each fixing the definition version it asks", async () => {
    const coord = await w.as("coordinator");
    const bad = await coord.post(`${w.base}/questionnaires/${qid}/rounds`, {
      label: "Mid-term",
      opensOn: "2024-05-01",
      closesOn: "2024-04-01",
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().issues[0].field).toBe("body.closesOn");
    const first = await coord.post(`${w.base}/questionnaires/${qid}/rounds`, {
      label: "Mid-term",
      opensOn: "2024-05-01",
      closesOn: "2024-05-31",
    });
    expect(first.statusCode, first.body).toBe(201);
    r1 = first.json().id;
    // The definition changes: a new question; the first round keeps asking version 1.
    const def = await coord.put(`${w.base}/questionnaires/${qid}/definition`, {
      baseVersion: 1,
      title: "Pilot implementation progress",
      questions: [...QUESTIONS, { code: "families", text: "Families involved", type: "number", min: 0 }],
    });
    expect(def.statusCode, def.body).toBe(200);
    const second = await coord.post(`${w.base}/questionnaires/${qid}/rounds`, {
      label: "Final",
      opensOn: "2024-09-01",
      closesOn: "2024-09-30",
    });
    r2 = second.json().id;
    expect([first.json().definitionVersion, second.json().definitionVersion]).toEqual([1, 2]);
    expect(
      (
        await (
          await w.as("sitecoord1")
        ).post(`${w.base}/questionnaires/${qid}/rounds`, {
          label: "x",
          opensOn: "2024-01-01",
          closesOn: "2024-01-02",
        })
      ).statusCode,
    ).toBe(403);
  });

  it("takes each site's answers, checked against the round's questions", async () => {
    const sc1 = await w.as("sitecoord1");
    const bad = await sc1.put(answerUrl(r1, w.ids.sites.s1), {
      baseVersion: 0,
      submitted: true,
      answers: [
        { question: "groups", value: ["dbt", "zzz"] },
        { question: "enrolled", value: 5000 },
        { question: "families", value: 3 },
      ],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().issues.map((i: { field: string; rule: string }) => `${i.field} ${i.rule}`)).toEqual([
      "body.answers.0.value.1 option",
      "body.answers.1.value range",
      "body.answers.2.question reference",
      "body.answers unanswered",
    ]);
    const ok = await sc1.put(answerUrl(r1, w.ids.sites.s1), {
      baseVersion: 0,
      submitted: true,
      answers: [
        { question: "coord", value: "yes" },
        { question: "groups", value: ["dbt", "fc"] },
        { question: "enrolled", value: 18 },
        { question: "obstacles", value: "Waiting lists for psychologists" },
      ],
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const sc2 = await w.user("sitecoord2");
    expect((await sc2.put(answerUrl(r1, w.ids.sites.s1), { baseVersion: 1, answers: [] })).statusCode).toBe(
      403,
    );
    const s2 = await sc2.put(answerUrl(r1, w.ids.sites.s2), {
      baseVersion: 0,
      answers: [
        { question: "coord", value: "yes" },
        { question: "groups", value: ["dbt"] },
        { question: "enrolled", value: 12 },
      ],
    });
    expect(s2.statusCode, s2.body).toBe(200);
    const final = await sc2.put(answerUrl(r2, w.ids.sites.s2), {
      baseVersion: 0,
      answers: [
        { question: "coord", value: "no" },
        { question: "families", value: 4 },
      ],
    });
    expect(final.statusCode, final.body).toBe(200);
    expect((await (await w.as("clinician1")).get(answerUrl(r1, w.ids.sites.s1))).statusCode).toBe(200);
    expect((await (await w.as("viewer")).get(answerUrl(r1, w.ids.sites.s1))).statusCode).toBe(403);
    expect(
      (await sc1.get(`${w.base}/questionnaires/${qid}/rounds/999999/sites/${w.ids.sites.s1}`)).statusCode,
    ).toBe(404);
  });

  it("shows the answers across sites and rounds: counts per option, numbers, texts", async () => {
    const res = await (await w.as("coordinator")).get(`${w.base}/questionnaires/${qid}/results`);
    expect(res.statusCode, res.body).toBe(200);
    const [mid, fin] = res.json().rounds;
    expect(
      mid.responses.map((r: { code: string; submitted: boolean }) => [r.code, r.submitted]).sort(),
    ).toEqual([
      ["S1", true],
      ["S2", false],
    ]);
    const q = (round: typeof mid, code: string) =>
      round.questions.find((x: { code: string }) => x.code === code);
    expect(q(mid, "coord").options).toEqual([
      { code: "yes", label: "Yes", count: 2, sites: ["S1", "S2"] },
      { code: "no", label: "No", count: 0, sites: [] },
    ]);
    expect(q(mid, "groups").options.map((o: { count: number }) => o.count)).toEqual([2, 1, 0]);
    expect(q(mid, "groups").answered).toBe(2);
    expect(q(mid, "enrolled").numbers).toEqual({ n: 2, mean: 15, min: 12, max: 18 });
    expect(q(mid, "obstacles").texts).toEqual([{ site: "S1", text: "Waiting lists for psychologists" }]);
    expect(q(mid, "families")).toBeUndefined();
    expect(fin.missing).toEqual(["S1"]);
    expect(q(fin, "families").numbers).toMatchObject({ n: 1, mean: 4 });
    expect(q(fin, "coord").options[1]).toMatchObject({ code: "no", count: 1, sites: ["S2"] });
    for (const u of ["sitecoord1", "clinician1", "viewer", "imrcoord"] as const)
      expect((await (await w.user(u)).get(`${w.base}/questionnaires/${qid}/results`)).statusCode, u).toBe(
        403,
      );
  });

  it("lists questionnaires with their rounds for readers of the region", async () => {
    const res = await (await w.as("viewer")).get(`${w.base}/questionnaires`);
    expect(res.statusCode).toBe(200);
    const pipq = res.json().find((q: { code: string }) => q.code === "PIPQ");
    expect(pipq.rounds.map((r: { label: string; responses: number }) => [r.label, r.responses])).toEqual([
      ["Mid-term", 2],
      ["Final", 1],
    ]);
    expect((await (await w.user("imrcoord")).get(`${w.base}/questionnaires`)).statusCode).toBe(403);
    const x = await (await w.as("sitecoord1")).get(`${answerUrl(r1, w.ids.sites.s1)}/export.xlsx`);
    expect(x.statusCode).toBe(200);
  });
});
