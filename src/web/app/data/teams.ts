import { useQuery } from "@tanstack/react-query";
import { del, get, patch, post, query } from "../api.ts";
import { useWrite } from "../mutations.ts";
import type { Professional, ProfessionalBody, ProfessionalPatch } from "../types.ts";

export const teamKeys = {
  site: (siteId: number) => ["professionals", siteId] as const,
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
