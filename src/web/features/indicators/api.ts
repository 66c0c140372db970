import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { del, get, post, put, query } from "../../app/api.ts";
import { useWrite } from "../../app/mutations.ts";
import type {
  Breakdown,
  BreakdownResponse,
  IndicatorsResponse,
  PreviewResponse,
  SeriesResponse,
  StoredDefinition,
} from "./types.ts";

/**
 * The dashboard's reads and writes. Every view of one programme and date shares one indicators
 * query (every indicator, every site): switching views asks the server nothing new.
 */
export const dashboardKeys = {
  programme: (id: number) => ["dashboard", id] as const,
  values: (id: number, asOf: string) => ["dashboard", id, "values", asOf] as const,
  series: (id: number, indicatorId: string, to: string) =>
    ["dashboard", id, "series", indicatorId, to] as const,
  breakdown: (id: number, indicatorId: string, by: Breakdown, asOf: string) =>
    ["dashboard", id, "breakdown", indicatorId, by, asOf] as const,
  definitions: (id: number) => ["dashboard", id, "definitions"] as const,
};

const base = (id: number) => `/api/programmes/${id}`;
/** Values are recomputed only when data change: a minute of freshness is plenty. */
const STALE = 60_000;

export const useIndicators = (programmeId: number, asOf: string) =>
  useQuery({
    queryKey: dashboardKeys.values(programmeId, asOf),
    queryFn: () => get<IndicatorsResponse>(`${base(programmeId)}/indicators${query({ asOf })}`),
    staleTime: STALE,
    placeholderData: keepPreviousData,
  });

/** Monthly as-of values up to `to`, from the start of the implementation phase (the server's default). */
export const useSeries = (programmeId: number, indicatorId: string | null, to: string) =>
  useQuery({
    queryKey: dashboardKeys.series(programmeId, indicatorId ?? "", to),
    queryFn: () =>
      get<SeriesResponse>(`${base(programmeId)}/indicators/${indicatorId}/series${query({ to })}`),
    enabled: indicatorId !== null,
    staleTime: STALE,
  });

export const useBreakdown = (programmeId: number, indicatorId: string, by: Breakdown, asOf: string) =>
  useQuery({
    queryKey: dashboardKeys.breakdown(programmeId, indicatorId, by, asOf),
    queryFn: () =>
      get<BreakdownResponse>(
        `${base(programmeId)}/indicators/${indicatorId}/breakdown${query({ by, asOf })}`,
      ),
    enabled: by !== "site",
    staleTime: STALE,
    placeholderData: keepPreviousData,
  });

export const useDefinitions = (programmeId: number, enabled = true) =>
  useQuery({
    queryKey: dashboardKeys.definitions(programmeId),
    enabled,
    queryFn: () =>
      get<{ definitions: StoredDefinition[] }>(`${base(programmeId)}/indicator-definitions`).then(
        (r) => r.definitions,
      ),
    staleTime: STALE,
  });

/** Any change to a programme's indicators makes all its dashboard queries stale. */
const changes = (programmeId: number) => [dashboardKeys.programme(programmeId)];

export const useSavePins = (programmeId: number) =>
  useWrite(
    (indicatorIds: string[]) =>
      put<{ indicatorIds: string[] }>(`${base(programmeId)}/indicator-pins`, { indicatorIds }),
    changes(programmeId),
  );

export const usePreview = (programmeId: number) =>
  useWrite(
    (body: { definition: unknown; asOf: string }) =>
      post<PreviewResponse>(`${base(programmeId)}/indicator-definitions/preview`, body),
    [],
  );

export const useCreateDefinition = (programmeId: number) =>
  useWrite(
    (definition: unknown) =>
      post<StoredDefinition>(`${base(programmeId)}/indicator-definitions`, { definition }),
    changes(programmeId),
  );

export const useUpdateDefinition = (programmeId: number, indicatorId: string) =>
  useWrite(
    (body: { definition: unknown; baseVersion: number }) =>
      put<StoredDefinition>(`${base(programmeId)}/indicator-definitions/${indicatorId}`, body),
    changes(programmeId),
  );

export const useDeleteDefinition = (programmeId: number) =>
  useWrite(
    (indicatorId: string) => del<{ ok: true }>(`${base(programmeId)}/indicator-definitions/${indicatorId}`),
    changes(programmeId),
  );
