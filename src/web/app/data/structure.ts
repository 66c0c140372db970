import { useQuery } from "@tanstack/react-query";
import { get, patch, post, query } from "../api.ts";
import { useWrite } from "../mutations.ts";
import type { Area, Region, Service, Site, SiteDetail } from "../types.ts";

export const structureKeys = {
  all: ["structure"] as const,
  regions: () => ["structure", "regions"] as const,
  areas: (regionId?: number) => ["structure", "areas", regionId ?? "all"] as const,
  sites: (filter: { regionId?: number; areaId?: number } = {}) => ["structure", "sites", filter] as const,
  site: (id: number) => ["structure", "site", id] as const,
  services: (siteId?: number) => ["structure", "services", siteId ?? "all"] as const,
};

export const useRegions = () =>
  useQuery({ queryKey: structureKeys.regions(), queryFn: () => get<Region[]>("/api/regions") });

export const useAreas = (regionId?: number) =>
  useQuery({
    queryKey: structureKeys.areas(regionId),
    queryFn: () => get<Area[]>(`/api/areas${query({ regionId })}`),
  });

export const useSites = (filter: { regionId?: number; areaId?: number } = {}) =>
  useQuery({
    queryKey: structureKeys.sites(filter),
    queryFn: () => get<Site[]>(`/api/sites${query(filter)}`),
  });

export const useSite = (id: number) =>
  useQuery({ queryKey: structureKeys.site(id), queryFn: () => get<SiteDetail>(`/api/sites/${id}`) });

export const useServices = (siteId?: number) =>
  useQuery({
    queryKey: structureKeys.services(siteId),
    queryFn: () => get<Service[]>(`/api/services${query({ siteId })}`),
  });

// Writes (administrators). Any change refreshes the whole structure and the user's own menu.
const refresh = [structureKeys.all, ["me"]];

export const useSaveRegion = () =>
  useWrite(
    (v: { id?: number; code: string; name: string }) =>
      v.id
        ? patch<Region>(`/api/regions/${v.id}`, { name: v.name })
        : post<Region>("/api/regions", { code: v.code, name: v.name }),
    refresh,
  );

export const useSaveArea = () =>
  useWrite(
    (v: { id?: number; regionId: number; code: string; name: string }) =>
      v.id
        ? patch<Area>(`/api/areas/${v.id}`, { name: v.name })
        : post<Area>("/api/areas", { regionId: v.regionId, code: v.code, name: v.name }),
    refresh,
  );

export const useSaveSite = () =>
  useWrite(
    (v: { id?: number; regionId: number; areaId: number | null; code: string; name: string }) =>
      v.id
        ? patch<Site>(`/api/sites/${v.id}`, { name: v.name, areaId: v.areaId })
        : post<Site>("/api/sites", { regionId: v.regionId, areaId: v.areaId, code: v.code, name: v.name }),
    refresh,
  );

export const useSaveService = () =>
  useWrite(
    (v: { id?: number; siteId: number; code: string; name: string; kind: Service["kind"] }) =>
      v.id
        ? patch<Service>(`/api/services/${v.id}`, { name: v.name, kind: v.kind })
        : post<Service>("/api/services", { siteId: v.siteId, code: v.code, name: v.name, kind: v.kind }),
    refresh,
  );
