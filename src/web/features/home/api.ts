import { useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  DataQualityOverview as DataQualityOverviewSchema,
  Home as HomeSchema,
  SiteDataQualityRecords as SiteDataQualityRecordsSchema,
} from "../../../server/home/schemas.ts";
import { get } from "../../app/api.ts";

export type Home = z.infer<typeof HomeSchema>;
export type DataQualityOverview = z.infer<typeof DataQualityOverviewSchema>;
export type SiteDataQualityRecords = z.infer<typeof SiteDataQualityRecordsSchema>;

/**
 * Under the registry's key, so that every registry write (which invalidates `registry`) refreshes
 * them; read again whenever the page is shown (what needs doing changes as people work).
 */
const keys = {
  home: ["registry", "home"] as const,
  quality: ["registry", "data-quality"] as const,
  siteQuality: (siteId: number) => ["registry", "data-quality", siteId] as const,
};

export const useHome = () =>
  useQuery({ queryKey: keys.home, queryFn: () => get<Home>("/api/home"), staleTime: 0 });

export const useDataQuality = () =>
  useQuery({
    queryKey: keys.quality,
    queryFn: () => get<DataQualityOverview>("/api/data-quality"),
    staleTime: 0,
  });

export const useSiteDataQuality = (siteId: number) =>
  useQuery({
    queryKey: keys.siteQuality(siteId),
    queryFn: () => get<SiteDataQualityRecords>(`/api/sites/${siteId}/data-quality`),
    staleTime: 0,
  });
