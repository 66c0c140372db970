import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/server/app.ts";
import { DEMO_PASSWORD, DEMO_TARGETS } from "../../src/server/demo/region.ts";
import { loadConfig } from "../../src/server/infra/config.ts";
import type { Database } from "../../src/server/infra/db/database.ts";
import { login } from "../support/world.ts";
import { demoDatabase } from "./support.ts";

/**
 * The demo's targets beyond enrolment (region.ts `DEMO_TARGETS`, from the Lombardy report) reach
 * the dashboard: each is the programme's target on its indicator, and the demo's sites fall on
 * both sides of it, so a first look at the dashboard shows targets met and missed.
 */
let database: Database;
beforeAll(async () => {
  ({ database } = await demoDatabase());
});
afterAll(async () => {
  await database?.close();
});

interface Answer {
  definitions: Array<{ id: string; target: number | null; direction: string }>;
  indicators: Array<{ id: string; site: string | null; targetMet: boolean | null }>;
}

describe("the demo programmes' targets", () => {
  it("BPD-LOM has its targets on six indicators, some sites meeting each and some not", async () => {
    const config = loadConfig({ PRAXIS_WEB_DIR: "/nonexistent" } as NodeJS.ProcessEnv);
    const app = await buildApp({ database, config });
    await app.ready();
    try {
      const coordinator = await login(app, "coordinator", DEMO_PASSWORD);
      const programmes = (await coordinator.get("/api/programmes")).json() as Array<{
        id: number;
        code: string;
      }>;
      const bpd = programmes.find((p) => p.code === "BPD-LOM")!.id;
      const targets = DEMO_TARGETS["BPD-LOM"];
      expect(targets.map((t) => t.indicatorId)).toEqual([
        "intensive_start",
        "structured_assessment",
        "family_involved",
        "case_manager",
        "treatment_plan",
        "dropped_out",
      ]);
      const ids = targets.map((t) => t.indicatorId).join(",");
      const res = await coordinator.get(`/api/programmes/${bpd}/indicators?ids=${ids}`);
      expect(res.statusCode, res.body).toBe(200);
      const answer = res.json() as Answer;
      const outcomes: Record<string, { met: number; missed: number }> = {};
      for (const t of targets) {
        const def = answer.definitions.find((d) => d.id === t.indicatorId)!;
        expect(def.target, t.indicatorId).toBe(t.value);
        expect(def.direction, t.indicatorId).toBe(t.direction);
        const sites = answer.indicators.filter((i) => i.id === t.indicatorId && i.site !== null);
        outcomes[t.indicatorId] = {
          met: sites.filter((s) => s.targetMet === true).length,
          missed: sites.filter((s) => s.targetMet === false).length,
        };
      }
      for (const [id, o] of Object.entries(outcomes)) {
        expect(o.met, `${id}: ${JSON.stringify(o)}`).toBeGreaterThan(0);
        expect(o.missed, `${id}: ${JSON.stringify(o)}`).toBeGreaterThan(0);
      }
    } finally {
      await app.close();
    }
  });
});
