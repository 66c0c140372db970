import type { ExpressionBuilder } from "kysely";
import type { DB } from "../../infra/db/schema.ts";

export const ARTEFACT_KINDS = [
  "sana_template",
  "sana",
  "swot_tags",
  "swot",
  "toc",
  "action_plan",
  "roadmap",
  "questionnaire",
  "questionnaire_response",
] as const;
export type ArtefactKind = (typeof ARTEFACT_KINDS)[number];

/**
 * What an artefact belongs to: a programme, its kind, and the region (`siteId` null) or a site;
 * questionnaire definitions also name their questionnaire, responses their round.
 */
export interface Owner {
  programmeId: number;
  kind: ArtefactKind;
  siteId: number | null;
  questionnaireId?: number | null;
  roundId?: number | null;
}

const eqOrNull = (
  eb: ExpressionBuilder<DB, "planning_artefacts">,
  column:
    | "planning_artefacts.site_id"
    | "planning_artefacts.questionnaire_id"
    | "planning_artefacts.round_id",
  value: number | null | undefined,
) => (value == null ? eb(column, "is", null) : eb(column, "=", value));

/** The predicate selecting exactly the artefact of this owner. */
export const ownerIs = (owner: Owner) => (eb: ExpressionBuilder<DB, "planning_artefacts">) =>
  eb.and([
    eb("planning_artefacts.programme_id", "=", owner.programmeId),
    eb("planning_artefacts.kind", "=", owner.kind),
    eqOrNull(eb, "planning_artefacts.site_id", owner.siteId),
    eqOrNull(eb, "planning_artefacts.questionnaire_id", owner.questionnaireId),
    eqOrNull(eb, "planning_artefacts.round_id", owner.roundId),
  ]);
