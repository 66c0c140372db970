import { useQuery } from "@tanstack/react-query";
import type {
  DirectoryRegion,
  DirectoryService,
  ImportResult,
  PublicService,
} from "../../../server/directory/schemas.ts";
import { ApiError, get, patch, post, put, query } from "../../app/api.ts";
import { useWrite } from "../../app/mutations.ts";

export type { DirectoryRegion, DirectoryService, ImportResult, PublicService };

export interface ServiceFilters {
  sector: string | null;
  areaId: string | null;
  language: string;
  q: string;
  includeInactive: boolean;
}

export const directoryKeys = {
  all: ["directory"] as const,
  regions: () => ["directory", "regions"] as const,
  services: (regionId: number, f: ServiceFilters) => ["directory", "services", regionId, f] as const,
};

export const useDirectoryRegions = () =>
  useQuery({
    queryKey: directoryKeys.regions(),
    queryFn: () => get<DirectoryRegion[]>("/api/directory/regions"),
  });

export const useDirectoryServices = (regionId: number | null, f: ServiceFilters) =>
  useQuery({
    queryKey: directoryKeys.services(regionId ?? 0, f),
    enabled: regionId !== null,
    queryFn: () =>
      get<DirectoryService[]>(
        `/api/directory/services${query({
          regionId,
          sector: f.sector,
          areaId: f.areaId,
          language: f.language.trim() || null,
          q: f.q.trim() || null,
          includeInactive: f.includeInactive ? "true" : null,
        })}`,
      ),
  });

export type ServiceValues = Omit<
  DirectoryService,
  "id" | "regionId" | "areas" | "active" | "version" | "siteId"
> & {
  areaIds: number[];
};

/**
 * Save a service's fields, then — when `siteId` is given and differs — link it to the site of its
 * region whose staff work for it (its own endpoint, with the version the save returned).
 */
export const useSaveDirectoryService = () =>
  useWrite(
    async (v: {
      regionId: number;
      id?: number;
      baseVersion?: number;
      values: ServiceValues;
      siteId?: number | null;
    }) => {
      const saved = v.id
        ? await patch<DirectoryService>(`/api/directory/services/${v.id}`, {
            baseVersion: v.baseVersion,
            ...v.values,
          })
        : await post<DirectoryService>("/api/directory/services", { regionId: v.regionId, ...v.values });
      if (v.siteId === undefined || v.siteId === saved.siteId) return saved;
      return put<DirectoryService>(`/api/directory/services/${saved.id}/site`, {
        baseVersion: saved.version,
        siteId: v.siteId,
      });
    },
    [directoryKeys.all],
  );

export const useDeactivateService = () =>
  useWrite(
    (v: { id: number; baseVersion: number }) =>
      post<DirectoryService>(`/api/directory/services/${v.id}/deactivate`, { baseVersion: v.baseVersion }),
    [directoryKeys.all],
  );

export const useImportServices = () =>
  useWrite(
    (v: { regionId: number; fileName: string; csv: string }) =>
      post<ImportResult>(`/api/directory/regions/${v.regionId}/import`, { fileName: v.fileName, csv: v.csv }),
    [directoryKeys.all],
  );

export const useSwitchPublic = () =>
  useWrite(
    (v: { regionId: number; publicEnabled: boolean }) =>
      put<{ regionId: number; publicEnabled: boolean }>(`/api/directory/regions/${v.regionId}/settings`, {
        publicEnabled: v.publicEnabled,
      }),
    [directoryKeys.all],
  );

/** The public page's data: no session; 404 while the page is off. */
export const usePublicDirectory = (regionCode: string) =>
  useQuery({
    queryKey: ["public-directory", regionCode],
    retry: false,
    queryFn: async () => {
      const res = await fetch(`/api/public/directory/${encodeURIComponent(regionCode)}`, {
        headers: { accept: "application/json" },
      });
      const data = await res.json().catch(() => null);
      if (!res.ok)
        throw new ApiError(res.status, data?.error ?? "http_error", data?.message ?? res.statusText);
      return data as { region: { code: string; name: string }; services: PublicService[] };
    },
  });
