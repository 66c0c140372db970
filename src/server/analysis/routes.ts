import type { AppContext, ZodApp } from "../context.ts";
import { actorOf } from "../infra/audit/audited-write.ts";
import { principalOf } from "../infra/auth/plugin.ts";
import { PRESETS } from "./presets.ts";
import { openAnalysis, runAnalysis } from "./run-analysis.ts";
import { AnalysisQuery, AnalysisResult, PresetList, ProgrammeParams } from "./schemas.ts";

/** Statistical analysis of a programme's registry and measures (docs/analysis.md): aggregates only. */
export function registerAnalysisRoutes(app: ZodApp, { database }: AppContext): void {
  const { db } = database;
  const tags = ["analysis"];

  app.get(
    "/api/programmes/:id/analysis/presets",
    { schema: { tags, params: ProgrammeParams, response: { 200: PresetList } } },
    async (req) => {
      await openAnalysis(db, principalOf(req), req.params.id);
      return { presets: PRESETS.map((p) => ({ ...p, instrument: p.instrument ?? null })) };
    },
  );

  // A read (audited), so a GET: the analysis is named by its query parameters
  app.get(
    "/api/programmes/:id/analysis",
    {
      schema: {
        tags,
        params: ProgrammeParams,
        querystring: AnalysisQuery,
        response: { 200: AnalysisResult },
      },
    },
    async (req) => {
      const p = principalOf(req);
      return runAnalysis(db, p, actorOf(p), req.params.id, req.query);
    },
  );
}
