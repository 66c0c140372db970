import { z } from "zod";
import type { AppContext, ZodApp } from "../../context.ts";
import { requireAdmin } from "../../core/access/guards.ts";
import { actorOf } from "../../infra/audit/audited-write.ts";
import { principalOf } from "../../infra/auth/plugin.ts";
import { issuesError, notFound } from "../../infra/http/errors.ts";
import { InstrumentCodeParams, ScoreInput, ScoreResult } from "../schemas.ts";
import { textsShippedIn } from "./definition.ts";
import { describe, summarise } from "./describe-instrument.ts";
import { findInstrument, LIBRARY } from "./library/index.ts";
import { InstrumentDetail, InstrumentSummary, Wording, WordingBody } from "./schemas.ts";
import { scoreInput } from "./score-input.ts";
import { instrumentsWithWording, loadWording, saveWording } from "./wording.ts";

const instrumentOf = (code: string) => {
  const def = findInstrument(code);
  if (!def) throw notFound(`instrument ${code}`);
  return def;
};

/**
 * The instrument library (readable by every signed-in user: it holds no patient data), live
 * scoring for the administration form (pure, stores nothing), and the licensed wording a service
 * loads for score-only instruments (administrators).
 */
export function registerInstrumentRoutes(app: ZodApp, { database }: AppContext): void {
  const { db } = database;
  const tags = ["measures"];

  app.get(
    "/api/instruments",
    {
      schema: {
        tags,
        querystring: z.strictObject({ language: z.string().max(8).default("en") }),
        response: { 200: z.array(InstrumentSummary) },
      },
    },
    async (req) => {
      principalOf(req);
      const worded = await instrumentsWithWording(db, req.query.language);
      return LIBRARY.map((d) => summarise(d, worded.has(d.code), req.query.language));
    },
  );

  app.get(
    "/api/instruments/:code",
    {
      schema: {
        tags,
        params: InstrumentCodeParams,
        querystring: z.strictObject({ language: z.string().max(8).default("en") }),
        response: { 200: InstrumentDetail },
      },
    },
    async (req) => {
      principalOf(req);
      const def = instrumentOf(req.params.code);
      const { language } = req.query;
      return describe(
        def,
        textsShippedIn(def, language) ? undefined : await loadWording(db, def.code, language),
        language,
      );
    },
  );

  app.post(
    "/api/instruments/:code/score",
    { schema: { tags, params: InstrumentCodeParams, body: ScoreInput, response: { 200: ScoreResult } } },
    async (req) => {
      principalOf(req);
      const def = instrumentOf(req.params.code);
      const { issues, result } = scoreInput(def, req.body);
      if (!result) throw issuesError(issues);
      return result;
    },
  );

  app.put(
    "/api/instruments/:code/wording",
    { schema: { tags, params: InstrumentCodeParams, body: WordingBody, response: { 200: Wording } } },
    async (req) => {
      const p = requireAdmin(req);
      return saveWording(db, actorOf(p), instrumentOf(req.params.code), req.body);
    },
  );
}
