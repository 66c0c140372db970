import type { Actor } from "../../infra/audit/audit.ts";
import type { Db } from "../../infra/db/database.ts";
import { createQuestionnaire } from "../questionnaire/create.ts";
import { RECO_CODE, recoDefinition } from "./definition.ts";

/**
 * Add the RECO mapping questionnaire to a programme, written in one language, through the
 * questionnaire engine (version 1 of its definition, audited); a programme that already has a
 * questionnaire with code RECO answers 409 naming `body.code`, as any duplicate code does.
 */
export function addRecoQuestionnaire(db: Db, actor: Actor, programmeId: number, language: "en" | "it") {
  return createQuestionnaire(db, actor, programmeId, { code: RECO_CODE, ...recoDefinition(language) });
}
