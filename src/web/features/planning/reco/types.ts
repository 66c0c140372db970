import type { z } from "zod";
import type { RECO_MODELS } from "../../../../server/planning/reco/classify.ts";
import type { RecoResults as RecoResultsSchema } from "../../../../server/planning/reco/schemas.ts";

export type RecoResults = z.infer<typeof RecoResultsSchema>;
export type RecoModel = (typeof RECO_MODELS)[number];
export const MODELS: RecoModel[] = ["lead_and_link", "consultancy", "network", "none", "incomplete"];
