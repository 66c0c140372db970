import { useQuery } from "@tanstack/react-query";
import { get, post, put } from "../api.ts";
import { useWrite } from "../mutations.ts";
import type {
  Practice,
  PracticeBody,
  PracticeSummary,
  PracticeUpdate,
  PracticeVersion,
} from "../types.ts";

export const practiceKeys = {
  all: ["practices"] as const,
  list: () => ["practices", "list"] as const,
  one: (id: number) => ["practices", "one", id] as const,
  versions: (id: number) => ["practices", "versions", id] as const,
};

export const usePractices = () =>
  useQuery({ queryKey: practiceKeys.list(), queryFn: () => get<PracticeSummary[]>("/api/practices") });

export const usePractice = (id: number | null) =>
  useQuery({
    queryKey: practiceKeys.one(id ?? 0),
    queryFn: () => get<Practice>(`/api/practices/${id}`),
    enabled: id !== null,
  });

export const usePracticeVersions = (id: number) =>
  useQuery({
    queryKey: practiceKeys.versions(id),
    queryFn: () => get<PracticeVersion[]>(`/api/practices/${id}/versions`),
  });

export const useCreatePractice = () =>
  useWrite((body: PracticeBody) => post<Practice>("/api/practices", body), [practiceKeys.all]);

export const useSavePractice = (id: number) =>
  useWrite((body: PracticeUpdate) => put<Practice>(`/api/practices/${id}`, body), [practiceKeys.all]);
