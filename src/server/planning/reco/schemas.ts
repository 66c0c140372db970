import { z } from "zod";
import { Id } from "../../shared/schemas.ts";
import { RECO_MODELS } from "./classify.ts";

export const AddRecoBody = z.strictObject({
  /** The language the questionnaire is written in (it becomes the programme's content). */
  language: z.enum(["en", "it"]).optional(),
});

export const RecoQuery = z.strictObject({ roundId: Id.optional() });

const Counts = z.object(
  Object.fromEntries(RECO_MODELS.map((m) => [m, z.number().int()])) as Record<
    (typeof RECO_MODELS)[number],
    z.ZodNumber
  >,
);

export const RecoResults = z.object({
  questionnaire: z.object({ id: z.number().int(), title: z.string() }).nullable(),
  rounds: z.array(
    z.object({ id: z.number().int(), label: z.string(), opensOn: z.string(), closesOn: z.string() }),
  ),
  round: z.object({ id: z.number().int(), label: z.string() }).nullable(),
  services: z.array(
    z.object({
      siteId: z.number().int(),
      code: z.string(),
      name: z.string(),
      areaId: z.number().int().nullable(),
      area: z.string().nullable(),
      responded: z.boolean(),
      submitted: z.boolean(),
      model: z.enum(RECO_MODELS).nullable(),
    }),
  ),
  areas: z.array(
    z.object({
      areaId: z.number().int().nullable(),
      area: z.string().nullable(),
      counts: Counts,
      missing: z.number().int(),
    }),
  ),
});
