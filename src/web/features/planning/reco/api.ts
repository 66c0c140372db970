import { useQuery } from "@tanstack/react-query";
import { get, post } from "../../../app/api.ts";
import { useWrite } from "../../../app/mutations.ts";
import { planningBase, planningKeys } from "../api.ts";
import type { QuestionnaireSummary } from "../types.ts";
import type { RecoResults } from "./types.ts";

export const useRecoResults = (programmeId: number, roundId: number | null) =>
  useQuery({
    queryKey: [...planningKeys.programme(programmeId), "reco", roundId],
    queryFn: () =>
      get<RecoResults>(`${planningBase(programmeId)}/reco/results${roundId ? `?roundId=${roundId}` : ""}`),
  });

export const useAddReco = (programmeId: number) =>
  useWrite(
    (body: { language: "en" | "it" }) =>
      post<QuestionnaireSummary>(`${planningBase(programmeId)}/reco`, body),
    [planningKeys.programme(programmeId)],
  );
