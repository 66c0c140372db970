import { sheetColumns } from "../../../shared/xlsx.ts";
import { AppError } from "../../infra/http/errors.ts";
import type { ArtefactSpec } from "../versions/artefact-routes.ts";
import { loadVersion } from "../versions/repository.ts";
import { roundOf } from "./repository.ts";
import { checkResponse } from "./response-rules.ts";
import { type DefinitionContent, ResponseBody, type ResponseContent } from "./schemas.ts";

/** The definition version a response's round asks. */
async function definitionOf(
  db: Parameters<typeof loadVersion>[0],
  programmeId: number,
  roundId: number,
): Promise<DefinitionContent> {
  const round = await db
    .selectFrom("planning_rounds")
    .select(["questionnaire_id", "definition_version"])
    .where("id", "=", roundId)
    .executeTakeFirstOrThrow();
  const stored = await loadVersion(
    db,
    { programmeId, kind: "questionnaire", siteId: null, questionnaireId: round.questionnaire_id },
    round.definition_version,
  );
  if (!stored) throw new AppError("conflict", "the questionnaire version this round asks is missing");
  return stored.content as DefinitionContent;
}

/** A site's answers to one round of a progress questionnaire. */
export const responseSpec: ArtefactSpec<ResponseContent> = {
  kind: "questionnaire_response",
  what: "questionnaire response",
  mounts: [
    {
      path: "questionnaires/:questionnaireId/rounds/:roundId/sites/:siteId",
      params: ["questionnaireId", "roundId", "siteId"],
      owner: async (db, programmeId, p) => {
        const round = await roundOf(db, programmeId, p.questionnaireId!, p.roundId!);
        return { programmeId, kind: "questionnaire_response", siteId: p.siteId!, roundId: round.id };
      },
    },
  ],
  body: ResponseBody,
  viewSchema: ResponseBody,
  empty: () => ({ answers: [], submitted: false }),
  async prepare(ctx, content) {
    checkResponse(await definitionOf(ctx.db, ctx.owner.programmeId, ctx.owner.roundId!), content);
    return content;
  },
  async sheets(ctx, content) {
    const definition = await definitionOf(ctx.db, ctx.owner.programmeId, ctx.owner.roundId!);
    const answers = new Map(content.answers.map((a) => [a.question, a.value]));
    return [
      {
        name: "Answers",
        columns: sheetColumns({ Code: 14, Question: 60, Answer: 50 }),
        rows: definition.questions.map((q) => {
          const v = answers.get(q.code);
          const label = (code: string) => q.options.find((o) => o.code === code)?.label ?? code;
          const shown = Array.isArray(v)
            ? v.map(label).join("; ")
            : typeof v === "string" && q.type === "single_choice"
              ? label(v)
              : v;
          return [q.code, q.text, shown ?? null];
        }),
      },
    ];
  },
};
