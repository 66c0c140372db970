import { useMutation, useQuery } from "@tanstack/react-query";
import { get, query } from "../../app/api.ts";
import type { AnalysisRequest, AnalysisResult, Preset } from "./types.ts";

/** The ready-made analyses the server offers for a programme. */
export const usePresets = (programmeId: number) =>
  useQuery({
    queryKey: ["analysis-presets", programmeId],
    queryFn: () => get<{ presets: Preset[] }>(`/api/programmes/${programmeId}/analysis/presets`),
  });

/** Run one analysis when asked (a GET, audited by the server as a read; nothing to invalidate). */
export const useRunAnalysis = (programmeId: number) =>
  useMutation({
    mutationFn: (request: AnalysisRequest) =>
      get<AnalysisResult>(`/api/programmes/${programmeId}/analysis${query({ ...request })}`),
  });
