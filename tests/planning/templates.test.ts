import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { IMPLEMENTAL } from "../../src/server/planning/templates/implemental.ts";
import { tocIssues } from "../../src/server/planning/toc/graph-rules.ts";
import { TocBody } from "../../src/server/planning/toc/schemas.ts";
import { createPlanningWorld, EVERYONE, type PlanningWorld } from "./support.ts";

let w: PlanningWorld;
beforeAll(async () => {
  w = await createPlanningWorld();
});
afterAll(async () => {
  await w?.close();
});

describe("templates", () => {
  it("ships an ImpleMENTAL template whose Theory of Change makes sense", () => {
    const toc = TocBody.parse(IMPLEMENTAL.toc);
    expect(tocIssues(toc.nodes, toc.edges)).toEqual([]);
    expect(IMPLEMENTAL.actionPlan.strategicAreas).toHaveLength(5);
    expect(IMPLEMENTAL.sanaTemplate.areas).toHaveLength(10);
  });

  it("lists the templates to whoever reads the programme's planning", async () => {
    const res = await (await w.as("viewer")).get(`${w.base}/templates`);
    expect(res.statusCode).toBe(200);
    expect(res.json()[0]).toMatchObject({
      id: "implemental",
      contents: { strategicAreas: 5, sanaAreas: 10 },
    });
    expect((await (await w.user("imrcoord")).get(`${w.base}/templates`)).statusCode).toBe(403);
  });

  it("speaks the reader's language: asked for, or the user's own", async () => {
    const viewer = await w.as("viewer");
    const italian = (await viewer.get(`${w.base}/templates?language=it`)).json()[0];
    expect(italian).toMatchObject({ id: "implemental", name: "ImpleMENTAL (progetto pilota lombardo)" });
    expect(italian.description).toContain("Teoria del cambiamento");
    expect((await viewer.get(`${w.base}/templates?language=en`)).json()[0].name).toBe(
      "ImpleMENTAL (Lombardy pilot)",
    );
    const bad = await viewer.get(`${w.base}/templates?language=fr`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().issues[0]).toMatchObject({ field: "querystring.language", rule: "invalid_value" });
  });

  it("is applied by the programme's coordinators and administrators only", async () => {
    for (const u of EVERYONE.filter((x) => x !== "coordinator" && x !== "admin")) {
      const res = await (await w.user(u)).post(`${w.base}/apply-template`, { template: "implemental" });
      expect(res.statusCode, u).toBe(403);
    }
    const unknown = await (await w.as("coordinator")).post(`${w.base}/apply-template`, { template: "nope" });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().issues[0].field).toBe("body.template");
  });

  it("creates every part in one go, ready for use", async () => {
    const coord = await w.as("coordinator");
    const res = await coord.post(`${w.base}/apply-template`, { template: "implemental" });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().applied).toEqual([
      { part: "sana_template", version: 1 },
      { part: "swot_tags", version: 1 },
      { part: "toc", version: 1 },
      { part: "action_plan", version: 1 },
      { part: "questionnaire", version: 1 },
    ]);
    const plan = (await coord.get(`${w.base}/action-plan/region`)).json();
    expect(plan.content.strategicAreas.map((a: { title: string }) => a.title)).toContain(
      "Care pathways and psychosocial interventions",
    );
    const q = (await coord.get(`${w.base}/questionnaires`)).json();
    expect(q[0]).toMatchObject({ code: "PIPQ", version: 1, questions: 8 });
    const sc = await w.as("sitecoord1");
    const swot = await sc.put(`${w.base}/swot/sites/${w.ids.sites.s1}`, {
      baseVersion: 0,
      items: [
        {
          quadrant: "weakness",
          text: "No social worker in the team",
          tags: ["staff-shortage", "missing-profiles"],
        },
      ],
    });
    expect(swot.statusCode, swot.body).toBe(200);
    const entries = await w.audit({ entity: "planning.toc" });
    expect(entries[0]!.detail.template).toBe("implemental");
  });

  it("refuses to overwrite without replace, and with replace saves new versions keeping the old", async () => {
    const coord = await w.as("coordinator");
    const again = await coord.post(`${w.base}/apply-template`, {
      template: "implemental",
      parts: ["toc", "swot_tags"],
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toContain("regional Theory of Change, SWOT tag vocabulary");
    const tags = (await coord.get(`${w.base}/swot/tags`)).json();
    const custom = await coord.put(`${w.base}/swot/tags`, {
      baseVersion: tags.version,
      tags: [...tags.content.tags, { code: "local-only", label: "Local only" }],
    });
    expect(custom.statusCode).toBe(200);
    await (await w.as("sitecoord1")).put(`${w.base}/swot/sites/${w.ids.sites.s1}`, {
      baseVersion: 1,
      items: [{ quadrant: "strength", text: "x", tags: ["local-only"] }],
    });
    const clash = await coord.post(`${w.base}/apply-template`, {
      template: "implemental",
      parts: ["toc", "swot_tags"],
      replace: true,
    });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().message).toContain('"local-only" in the SWOT of S1');
    expect((await coord.get(`${w.base}/toc/region`)).json().version).toBe(1);
    const ok = await coord.post(`${w.base}/apply-template`, {
      template: "implemental",
      parts: ["toc"],
      replace: true,
    });
    expect(ok.json().applied).toEqual([{ part: "toc", version: 2 }]);
  });

  it("is applied in the language asked for: its texts become the programme's content", async () => {
    const coord = await w.as("coordinator");
    const res = await coord.post(`${w.base}/apply-template`, {
      template: "implemental",
      language: "it",
      parts: ["toc", "action_plan"],
      replace: true,
    });
    expect(res.statusCode, res.body).toBe(200);
    const toc = (await coord.get(`${w.base}/toc/region`)).json();
    expect(toc.content.nodes.map((n: { text: string }) => n.text)).toContain(
      "Un case manager per ogni paziente",
    );
    expect(toc.content.nodes.map((n: { id: string }) => n.id)).toEqual(
      IMPLEMENTAL.toc.nodes.map((n) => n.id),
    );
    const plan = (await coord.get(`${w.base}/action-plan/region`)).json();
    expect(plan.content.strategicAreas[0].title).toBe("Governance e coordinamento");
    const bad = await coord.post(`${w.base}/apply-template`, { template: "implemental", language: "de" });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().issues[0].field).toBe("body.language");
  });

  it("gives an overview of the saved artefacts each user may read", async () => {
    const kinds = async (u: "viewer" | "sitecoord1" | "clinician2") =>
      ((await (await w.as(u)).get(w.base)).json() as Array<{ kind: string; siteId: number | null }>).map(
        (e) => `${e.kind}:${e.siteId === null ? "region" : "site"}`,
      );
    expect(await kinds("viewer")).not.toContain("swot:site");
    expect(await kinds("sitecoord1")).toContain("swot:site");
    expect(await kinds("clinician2")).not.toContain("swot:site");
    expect(await kinds("viewer")).toContain("toc:region");
  });
});
