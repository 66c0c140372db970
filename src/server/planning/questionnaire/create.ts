import type { z } from "zod";
import type { Actor } from "../../infra/audit/audit.ts";
import type { Db } from "../../infra/db/database.ts";
import { conflict } from "../../infra/http/errors.ts";
import { planningWrite } from "../versions/planning-write.ts";
import { writeVersion } from "../versions/write-version.ts";
import { checkDefinition } from "./definition-rules.ts";
import { listQuestionnaires } from "./repository.ts";
import type { CreateQuestionnaireBody } from "./schemas.ts";

/** Create a questionnaire of the programme with its first definition version, audited. */
export async function createQuestionnaire(
  db: Db,
  actor: Actor,
  programmeId: number,
  body: z.infer<typeof CreateQuestionnaireBody>,
) {
  const { code, ...definition } = body;
  checkDefinition(definition);
  const id = await planningWrite(db, actor, async (trx) => {
    const taken = await trx
      .selectFrom("planning_questionnaires")
      .select("id")
      .where("programme_id", "=", programmeId)
      .where("code", "=", code)
      .executeTakeFirst();
    if (taken) throw conflict(`this programme already has a questionnaire "${code}"`, "body.code");
    const row = await trx
      .insertInto("planning_questionnaires")
      .values({ programme_id: programmeId, code, title: definition.title })
      .returning("id")
      .executeTakeFirstOrThrow();
    const owner = { programmeId, kind: "questionnaire" as const, siteId: null, questionnaireId: row.id };
    const written = await writeVersion(trx, actor, owner, "questionnaire", 0, definition);
    return { result: row.id, audits: [{ ...written.audit, detail: { ...written.audit.detail, code } }] };
  });
  return (await listQuestionnaires(db, programmeId)).find((q) => q.id === id)!;
}
