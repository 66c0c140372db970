import { useQuery } from "@tanstack/react-query";
import { del, get, patch, post, query } from "../api.ts";
import { useWrite } from "../mutations.ts";
import type { Professional, ProfessionalBody, ProfessionalPatch, StaffTurnover } from "../types.ts";

export const teamKeys = {
  site: (siteId: number) => ["professionals", siteId] as const,
  turnover: (siteId: number) => ["professionals", siteId, "turnover"] as const,
};

/** Every professional of a site (the implementation team is those with `inImplementationTeam`). */
export const useProfessionals = (siteId: number, enabled = true) =>
  useQuery({
    queryKey: teamKeys.site(siteId),
    queryFn: () => get<Professional[]>(`/api/professionals${query({ siteId })}`),
    enabled,
  });

export const useCreateProfessional = (siteId: number) =>
  useWrite(
    (body: ProfessionalBody) => post<Professional>("/api/professionals", body),
    [teamKeys.site(siteId)],
  );

export const useUpdateProfessional = (siteId: number) =>
  useWrite(
    ({ id, body }: { id: number; body: ProfessionalPatch }) =>
      patch<Professional>(`/api/professionals/${id}`, body),
    [teamKeys.site(siteId)],
  );

export const useDeleteProfessional = (siteId: number) =>
  useWrite((id: number) => del<unknown>(`/api/professionals/${id}`), [teamKeys.site(siteId)]);

/** The site's staff turnover per year, the current one to date (emptied with the team on every change). */
export const useStaffTurnover = (siteId: number) =>
  useQuery({
    queryKey: teamKeys.turnover(siteId),
    queryFn: () => get<StaffTurnover>(`/api/sites/${siteId}/staff-turnover`),
  });
