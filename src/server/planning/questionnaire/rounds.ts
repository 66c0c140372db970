import type { z } from "zod";
import type { Actor } from "../../infra/audit/audit.ts";
import type { Db } from "../../infra/db/database.ts";
import { AppError, conflict, invalid } from "../../infra/http/errors.ts";
import { planningWrite } from "../versions/planning-write.ts";
import type { RoundBody } from "./schemas.ts";

/**
 * Open a round of a questionnaire: it asks the questionnaire's current definition version, fixed
 * now. Dates in order; labels unique per questionnaire. Audited.
 */
export async function createRound(
  db: Db,
  actor: Actor,
  programmeId: number,
  questionnaireId: number,
  body: z.infer<typeof RoundBody>,
) {
  if (body.closesOn < body.opensOn)
    throw invalid(
      "body.closesOn",
      "before_opening",
      `the round closes (${body.closesOn}) before it opens (${body.opensOn})`,
    );
  return planningWrite(db, actor, async (trx) => {
    const definition = await trx
      .selectFrom("planning_artefacts")
      .select(["current_version"])
      .where("questionnaire_id", "=", questionnaireId)
      .where("kind", "=", "questionnaire")
      .executeTakeFirst();
    if (!definition || definition.current_version === 0)
      throw new AppError("conflict", "the questionnaire has no questions yet");
    const taken = await trx
      .selectFrom("planning_rounds")
      .select("id")
      .where("questionnaire_id", "=", questionnaireId)
      .where("label", "=", body.label)
      .executeTakeFirst();
    if (taken) throw conflict(`this questionnaire already has a round "${body.label}"`, "body.label");
    const row = await trx
      .insertInto("planning_rounds")
      .values({
        questionnaire_id: questionnaireId,
        label: body.label,
        opens_on: body.opensOn,
        closes_on: body.closesOn,
        definition_version: definition.current_version,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const round = {
      id: row.id,
      label: row.label,
      opensOn: row.opens_on,
      closesOn: row.closes_on,
      definitionVersion: row.definition_version,
      responses: 0,
    };
    return {
      result: round,
      audits: [
        {
          action: "create",
          entity: "planning.round",
          entityId: row.id,
          programmeId,
          detail: { before: null, after: round },
        },
      ],
    };
  });
}
