import { useQuery } from "@tanstack/react-query";
import { get, patch, post } from "../api.ts";
import { useWrite } from "../mutations.ts";
import type {
  ParameterImpact,
  Programme,
  ProgrammeBody,
  ProgrammeSummary,
  ProgrammeUpdate,
} from "../types.ts";

export const programmeKeys = {
  all: ["programmes"] as const,
  list: () => ["programmes", "list"] as const,
  one: (id: number) => ["programmes", "one", id] as const,
};

export const useProgrammes = () =>
  useQuery({ queryKey: programmeKeys.list(), queryFn: () => get<ProgrammeSummary[]>("/api/programmes") });

export const useProgramme = (id: number) =>
  useQuery({ queryKey: programmeKeys.one(id), queryFn: () => get<Programme>(`/api/programmes/${id}`) });

// A programme's sites decide who sees it: refresh the user's menu too; its targets show on the dashboard.
const refresh = [programmeKeys.all, ["me"], ["structure"], ["dashboard"]];

export const useCreateProgramme = () =>
  useWrite((body: ProgrammeBody) => post<Programme>("/api/programmes", body), refresh);

export const useUpdateProgramme = (id: number) =>
  useWrite((body: ProgrammeUpdate) => patch<Programme>(`/api/programmes/${id}`, body), refresh);

/**
 * What saving these parameters or this practice version would recompute (nothing is saved):
 * asked before a change, so the user can confirm a recomputation of the indicator facts.
 */
export const useParameterImpact = (id: number) =>
  useWrite(
    (body: Pick<ProgrammeUpdate, "parameters" | "practiceVersion">) =>
      post<ParameterImpact>(`/api/programmes/${id}/parameter-impact`, body),
    [],
  );
