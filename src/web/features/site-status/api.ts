import { useQuery } from "@tanstack/react-query";
import { get, post } from "../../app/api.ts";
import { useWrite } from "../../app/mutations.ts";
import type { RegionFunnel, SiteStatusList, SiteStatusRow, StatusChangeBody } from "./types.ts";

export const siteStatusKeys = {
  programme: (id: number) => ["site-status", id] as const,
  funnel: (id: number) => ["site-status", id, "funnel"] as const,
};

/** The programme's sites with their current status and history. */
export const useSiteStatus = (programmeId: number) =>
  useQuery({
    queryKey: siteStatusKeys.programme(programmeId),
    queryFn: () => get<SiteStatusList>(`/api/programmes/${programmeId}/site-status`),
  });

/** The region's training-to-practice funnel of the programme (administrators and coordinators). */
export const useRegionFunnel = (programmeId: number, enabled: boolean) =>
  useQuery({
    queryKey: siteStatusKeys.funnel(programmeId),
    queryFn: () => get<RegionFunnel>(`/api/programmes/${programmeId}/region-funnel`),
    enabled,
  });

/** Record a change of a site's status; the table and the funnel are read again. */
export const useChangeSiteStatus = (programmeId: number) =>
  useWrite(
    ({ siteId, body }: { siteId: number; body: StatusChangeBody }) =>
      post<SiteStatusRow>(`/api/programmes/${programmeId}/sites/${siteId}/status`, body),
    [siteStatusKeys.programme(programmeId)],
  );
