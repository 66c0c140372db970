import { useQuery } from "@tanstack/react-query";
import { get, post } from "../../app/api.ts";
import { useWrite } from "../../app/mutations.ts";
import type { FactsStatus, RebuildResult, Verification } from "./types.ts";

/** The indicator facts as administrators see them: status, verifications, verify, rebuild. */
export const factsKeys = {
  all: ["indicator-facts"] as const,
  status: () => ["indicator-facts", "status"] as const,
  verifications: (programmeId: number) => ["indicator-facts", "verifications", programmeId] as const,
};

export const useFactsStatus = () =>
  useQuery({ queryKey: factsKeys.status(), queryFn: () => get<FactsStatus>("/api/indicator-facts") });

/** A programme's verifications, newest first; asked for only when the history is opened. */
export const useVerifications = (programmeId: number, enabled: boolean) =>
  useQuery({
    queryKey: factsKeys.verifications(programmeId),
    queryFn: () => get<Verification[]>(`/api/programmes/${programmeId}/indicator-facts/verifications`),
    enabled,
  });

/** Recompute and compare (recorded): no dates means the server's default ones. */
export const useVerifyFacts = (programmeId: number) =>
  useWrite(
    (asOf: string[]) =>
      post<Verification>(
        `/api/programmes/${programmeId}/indicator-facts/verify`,
        asOf.length ? { asOf } : {},
      ),
    [factsKeys.all],
  );

/** Rebuilding changes what the dashboard reads: its cached values go stale too. */
export const useRebuildFacts = (programmeId: number) =>
  useWrite(
    () => post<RebuildResult>(`/api/programmes/${programmeId}/indicator-facts/rebuild`),
    [factsKeys.all, ["dashboard", programmeId]],
  );
