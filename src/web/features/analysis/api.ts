import { useMutation, useQuery } from "@tanstack/react-query";
import { get, post } from "../../app/api.ts";
import type { AnalysisRequest, AnalysisResult, Preset } from "./types.ts";

/** The ready-made analyses the server offers for a programme. */
export const usePresets = (programmeId: number) =>
  useQuery({
    queryKey: ["analysis-presets", programmeId],
    queryFn: () => get<{ presets: Preset[] }>(`/api/programmes/${programmeId}/analysis/presets`),
  });

/** Run one analysis (a read, audited by the server; nothing to invalidate). */
export const useRunAnalysis = (programmeId: number) =>
  useMutation({
    mutationFn: (body: AnalysisRequest) =>
      post<AnalysisResult>(`/api/programmes/${programmeId}/analysis`, body),
  });
