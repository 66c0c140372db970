import { sheetColumns } from "../../../shared/xlsx.ts";
import type { ArtefactSpec } from "../versions/artefact-routes.ts";
import { checkDefinition } from "./definition-rules.ts";
import { questionnaireOf } from "./repository.ts";
import { DefinitionBody, type DefinitionContent } from "./schemas.ts";

/**
 * A progress questionnaire's definition (title and questions), versioned like every artefact;
 * a round fixes the version it asks, so changing the questions never changes past rounds.
 */
export const questionnaireSpec: ArtefactSpec<DefinitionContent> = {
  kind: "questionnaire",
  what: "questionnaire",
  definition: true,
  mounts: [
    {
      path: "questionnaires/:questionnaireId/definition",
      params: ["questionnaireId"],
      owner: async (db, programmeId, p) => {
        const q = await questionnaireOf(db, programmeId, p.questionnaireId!);
        return { programmeId, kind: "questionnaire", siteId: null, questionnaireId: q.id };
      },
    },
  ],
  body: DefinitionBody,
  viewSchema: DefinitionBody,
  empty: () => ({ title: "", questions: [] }),
  async prepare(ctx, content) {
    checkDefinition(content);
    // The questionnaire row mirrors the current title for listings.
    await ctx.db
      .updateTable("planning_questionnaires")
      .set({ title: content.title })
      .where("id", "=", ctx.owner.questionnaireId!)
      .execute();
    return content;
  },
  sheets: (_ctx, content) => [
    {
      name: "Questions",
      columns: sheetColumns({ Code: 14, Question: 60, Type: 14, Options: 50, Required: 10 }),
      rows: content.questions.map((q) => [
        q.code,
        q.text,
        q.type,
        q.options.map((o) => `${o.code}: ${o.label}`).join("\n"),
        q.required,
      ]),
    },
  ],
};
