import { useInfiniteQuery, useMutation } from "@tanstack/react-query";
import { get, query } from "../../app/api.ts";
import type { AuditPage, AuditVerification } from "../../app/types.ts";

export interface AuditFilter {
  actor?: string;
  action?: string;
  entity?: string;
  entityId?: string;
  from?: string;
  to?: string;
}

const PAGE = 50;

/** The audit log, newest first, a page at a time (each page starts below the last one's seq). */
export const useAuditLog = (filter: AuditFilter) =>
  useInfiniteQuery({
    queryKey: ["audit", filter],
    queryFn: ({ pageParam }) =>
      get<AuditPage>(`/api/audit${query({ ...filter, before: pageParam, limit: PAGE })}`),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });

/** Check the hash chain of the whole log. */
export const useVerifyAudit = () =>
  useMutation({ mutationFn: () => get<AuditVerification>("/api/audit/verify") });
