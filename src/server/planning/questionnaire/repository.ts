import type { Executor } from "../../infra/db/executor.ts";
import { notFound } from "../../infra/http/errors.ts";

/** The questionnaire, if it belongs to the programme; otherwise 404. */
export async function questionnaireOf(db: Executor, programmeId: number, questionnaireId: number) {
  const row = await db
    .selectFrom("planning_questionnaires")
    .select(["id", "code", "title"])
    .where("id", "=", questionnaireId)
    .where("programme_id", "=", programmeId)
    .executeTakeFirst();
  if (!row) throw notFound("questionnaire");
  return row;
}

/** The round, if it belongs to the questionnaire of the programme; otherwise 404. */
export async function roundOf(db: Executor, programmeId: number, questionnaireId: number, roundId: number) {
  const row = await db
    .selectFrom("planning_rounds as r")
    .innerJoin("planning_questionnaires as q", "q.id", "r.questionnaire_id")
    .select(["r.id", "r.label", "r.opens_on", "r.closes_on", "r.definition_version", "r.questionnaire_id"])
    .where("r.id", "=", roundId)
    .where("q.id", "=", questionnaireId)
    .where("q.programme_id", "=", programmeId)
    .executeTakeFirst();
  if (!row) throw notFound("round");
  return row;
}

/** Every questionnaire of the programme with its current definition and its rounds (three queries). */
export async function listQuestionnaires(db: Executor, programmeId: number) {
  const [questionnaires, rounds] = await Promise.all([
    db
      .selectFrom("planning_questionnaires as q")
      .leftJoin("planning_artefacts as a", (j) =>
        j.onRef("a.questionnaire_id", "=", "q.id").on("a.kind", "=", "questionnaire"),
      )
      .leftJoin("planning_versions as v", (j) =>
        j.onRef("v.artefact_id", "=", "a.id").onRef("v.version", "=", "a.current_version"),
      )
      .select(["q.id", "q.code", "q.title", "a.current_version", "v.content"])
      .where("q.programme_id", "=", programmeId)
      .orderBy("q.code")
      .execute(),
    db
      .selectFrom("planning_rounds as r")
      .innerJoin("planning_questionnaires as q", "q.id", "r.questionnaire_id")
      .select((eb) => [
        "r.id",
        "r.questionnaire_id",
        "r.label",
        "r.opens_on",
        "r.closes_on",
        "r.definition_version",
        eb
          .selectFrom("planning_artefacts as a")
          .select((e) => e.fn.countAll<number>().as("n"))
          .whereRef("a.round_id", "=", "r.id")
          .where("a.current_version", ">", 0)
          .as("responses"),
      ])
      .where("q.programme_id", "=", programmeId)
      .orderBy("r.opens_on")
      .orderBy("r.id")
      .execute(),
  ]);
  return questionnaires.map((q) => ({
    id: q.id,
    code: q.code,
    title: q.title,
    version: q.current_version ?? 0,
    questions: ((q.content as { questions?: unknown[] } | null)?.questions ?? []).length,
    rounds: rounds
      .filter((r) => r.questionnaire_id === q.id)
      .map((r) => ({
        id: r.id,
        label: r.label,
        opensOn: r.opens_on,
        closesOn: r.closes_on,
        definitionVersion: r.definition_version,
        responses: Number(r.responses ?? 0),
      })),
  }));
}
