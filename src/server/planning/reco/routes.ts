import type { AppContext, ZodApp } from "../../context.ts";
import { recoVisibleSites, WHY } from "../../core/access/planning.ts";
import { resolveProgramme } from "../../core/programme-scope.ts";
import { actorOf } from "../../infra/audit/audited-write.ts";
import { resolveDefinitionsEditor } from "../programme-access.ts";
import { QuestionnaireSummary } from "../questionnaire/schemas.ts";
import { ProgrammeParams } from "../schemas.ts";
import { addRecoQuestionnaire } from "./add-reco.ts";
import { recoResults } from "./results.ts";
import { AddRecoBody, RecoQuery, RecoResults } from "./schemas.ts";

/**
 * The RECO mapping survey (issue 13, part 6) on the questionnaire engine: `POST reco` adds the
 * questionnaire to the programme (its rounds and responses are the engine's), `GET reco/results`
 * classifies each responding site's answers into a model — every site for the programme's
 * coordinators, a site team's own site for them.
 */
export function registerRecoRoutes(app: ZodApp, { database }: AppContext): void {
  const { db } = database;
  const tags = ["planning"];
  const base = "/api/programmes/:programmeId/planning/reco";

  app.post(
    base,
    { schema: { tags, params: ProgrammeParams, body: AddRecoBody, response: { 201: QuestionnaireSummary } } },
    async (req, reply) => {
      const { principal, programme } = await resolveDefinitionsEditor(db, req, req.params.programmeId);
      const language = req.body.language ?? (principal.language === "it" ? "it" : "en");
      return reply
        .status(201)
        .send(await addRecoQuestionnaire(db, actorOf(principal), programme.id, language));
    },
  );

  app.get(
    `${base}/results`,
    { schema: { tags, params: ProgrammeParams, querystring: RecoQuery, response: { 200: RecoResults } } },
    async (req) => {
      const { principal, programme } = await resolveProgramme(
        db,
        req,
        req.params.programmeId,
        null,
        (p, prog) => recoVisibleSites(p, prog).length > 0,
        WHY.reco,
      );
      return recoResults(db, programme, recoVisibleSites(principal, programme), req.query.roundId);
    },
  );
}
