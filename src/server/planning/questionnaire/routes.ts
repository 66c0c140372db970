import { z } from "zod";
import type { AppContext, ZodApp } from "../../context.ts";
import { actorOf } from "../../infra/audit/audited-write.ts";
import { Id } from "../../shared/schemas.ts";
import {
  resolveAcrossSitesReader,
  resolveDefinitionsEditor,
  resolvePlanningReader,
} from "../programme-access.ts";
import { ProgrammeParams } from "../schemas.ts";
import { registerArtefactRoutes } from "../versions/artefact-routes.ts";
import { createQuestionnaire } from "./create.ts";
import { questionnaireSpec } from "./definition.ts";
import { listQuestionnaires, questionnaireOf } from "./repository.ts";
import { responseSpec } from "./response.ts";
import { questionnaireResults } from "./results.ts";
import { createRound } from "./rounds.ts";
import { CreateQuestionnaireBody, QuestionnaireSummary, Results, Round, RoundBody } from "./schemas.ts";

const QuestionnaireParams = ProgrammeParams.extend({ questionnaireId: Id });

/**
 * Progress questionnaires: definitions as data (versioned), rounds with dates, each site's
 * responses per round (versioned), and the regional results across sites and rounds.
 */
export function registerQuestionnaireRoutes(app: ZodApp, { database }: AppContext): void {
  const { db } = database;
  const tags = ["planning"];
  const base = "/api/programmes/:programmeId/planning/questionnaires";
  registerArtefactRoutes(app, db, questionnaireSpec);
  registerArtefactRoutes(app, db, responseSpec);

  app.get(
    base,
    { schema: { tags, params: ProgrammeParams, response: { 200: z.array(QuestionnaireSummary) } } },
    async (req) => {
      const { programme } = await resolvePlanningReader(db, req, req.params.programmeId, null);
      return listQuestionnaires(db, programme.id);
    },
  );

  app.post(
    base,
    {
      schema: {
        tags,
        params: ProgrammeParams,
        body: CreateQuestionnaireBody,
        response: { 201: QuestionnaireSummary },
      },
    },
    async (req, reply) => {
      const { principal, programme } = await resolveDefinitionsEditor(db, req, req.params.programmeId);
      return reply
        .status(201)
        .send(await createQuestionnaire(db, actorOf(principal), programme.id, req.body));
    },
  );

  app.post(
    `${base}/:questionnaireId/rounds`,
    { schema: { tags, params: QuestionnaireParams, body: RoundBody, response: { 201: Round } } },
    async (req, reply) => {
      const { principal, programme } = await resolveDefinitionsEditor(db, req, req.params.programmeId);
      const q = await questionnaireOf(db, programme.id, req.params.questionnaireId);
      return reply.status(201).send(await createRound(db, actorOf(principal), programme.id, q.id, req.body));
    },
  );

  app.get(
    `${base}/:questionnaireId/results`,
    { schema: { tags, params: QuestionnaireParams, response: { 200: Results } } },
    async (req) => {
      const { programme } = await resolveAcrossSitesReader(db, req, req.params.programmeId);
      const q = await questionnaireOf(db, programme.id, req.params.questionnaireId);
      return questionnaireResults(db, programme, q);
    },
  );
}
