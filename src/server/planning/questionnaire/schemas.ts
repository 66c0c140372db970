import { z } from "zod";
import { CivilDate, Code } from "../../shared/schemas.ts";
import { Label, Text } from "../schemas.ts";

export const QUESTION_TYPES = ["single_choice", "multi_choice", "number", "text"] as const;

export const Question = z.strictObject({
  code: Code,
  text: Text,
  type: z.enum(QUESTION_TYPES),
  /** The choices of a single- or multiple-choice question. */
  options: z
    .array(z.strictObject({ code: Code, label: Label }))
    .max(50)
    .default([]),
  /** Bounds of a number answer. */
  min: z.number().finite().nullable().default(null),
  max: z.number().finite().nullable().default(null),
  /** Must be answered before a response is submitted. */
  required: z.boolean().default(false),
});
export const DefinitionBody = z.strictObject({
  title: Label,
  questions: z.array(Question).max(200),
});
export type DefinitionBody = z.infer<typeof DefinitionBody>;
export type DefinitionContent = z.infer<typeof DefinitionBody>;
export type QuestionT = z.infer<typeof Question>;

export const CreateQuestionnaireBody = DefinitionBody.extend({ code: Code });

export const RoundBody = z.strictObject({
  label: Label,
  opensOn: CivilDate,
  closesOn: CivilDate,
});
export const Round = z.object({
  id: z.number().int(),
  label: z.string(),
  opensOn: z.string(),
  closesOn: z.string(),
  /** The definition version this round asks (fixed when the round is created). */
  definitionVersion: z.number().int(),
  responses: z.number().int(),
});
export const QuestionnaireSummary = z.object({
  id: z.number().int(),
  code: z.string(),
  title: z.string(),
  version: z.number().int(),
  questions: z.number().int(),
  rounds: z.array(Round),
});
export type QuestionnaireSummary = z.infer<typeof QuestionnaireSummary>;

export const Answer = z.strictObject({
  question: Code,
  /** An option code (single choice), option codes (multiple choice), a number, or a text. */
  value: z.union([z.string().trim().max(4000), z.array(Code).max(50), z.number().finite()]).nullable(),
});
export const ResponseBody = z.strictObject({
  answers: z.array(Answer).max(200),
  /** A submitted response must answer every required question; a draft need not. */
  submitted: z.boolean().default(false),
});
export type ResponseBody = z.infer<typeof ResponseBody>;
export type ResponseContent = z.infer<typeof ResponseBody>;

export const Results = z.object({
  questionnaire: z.object({ id: z.number().int(), code: z.string(), title: z.string() }),
  rounds: z.array(
    z.object({
      id: z.number().int(),
      label: z.string(),
      opensOn: z.string(),
      closesOn: z.string(),
      definitionVersion: z.number().int(),
      responses: z.array(z.object({ siteId: z.number().int(), code: z.string(), submitted: z.boolean() })),
      missing: z.array(z.string()),
      questions: z.array(
        z.object({
          code: z.string(),
          text: z.string(),
          type: z.enum(QUESTION_TYPES),
          answered: z.number().int(),
          options: z.array(
            z.object({
              code: z.string(),
              label: z.string(),
              count: z.number().int(),
              sites: z.array(z.string()),
            }),
          ),
          numbers: z
            .object({
              n: z.number().int(),
              mean: z.number().nullable(),
              min: z.number().nullable(),
              max: z.number().nullable(),
            })
            .nullable(),
          texts: z.array(z.object({ site: z.string(), text: z.string() })),
        }),
      ),
    }),
  ),
});
export type Results = z.infer<typeof Results>;
