import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  AssessmentOverview,
  LinkView,
  ProtocolContentInput,
  ProtocolContentT,
  ProtocolRegion,
  ProtocolSummary,
  ProtocolViewT,
  SearchResult,
  SiteAssessments,
  TemplateSummary,
  ToolViewT,
} from "../../../server/protocols/schemas.ts";
import { api, get, post, put, query, upload } from "../../app/api.ts";
import { useWrite } from "../../app/mutations.ts";

export type Protocol = ProtocolViewT;
export type ProtocolContent = ProtocolContentT;
export type Dimension = ProtocolContentT["dimensions"][number];
export type Tool = ToolViewT;
export type ProtocolListItem = z.infer<typeof ProtocolSummary>;
export type Region = z.infer<typeof ProtocolRegion>;
export type Template = z.infer<typeof TemplateSummary>;
export type Search = z.infer<typeof SearchResult>;
export type Link = z.infer<typeof LinkView>;
export type Assessments = z.infer<typeof SiteAssessments>;
export type Overview = z.infer<typeof AssessmentOverview>;

export const protocolKeys = {
  all: ["protocols"] as const,
  one: (id: number) => ["protocols", "one", id] as const,
  links: (id: number, dimensionId: string) => ["protocols", "links", id, dimensionId] as const,
  programmeLinks: (programmeId: number, siteId: number | null) =>
    ["protocols", "programme-links", programmeId, siteId] as const,
  assessments: (id: number, siteId: number) => ["protocols", "assessments", id, siteId] as const,
  overview: (programmeId: number) => ["protocols", "overview", programmeId] as const,
};

export const useProtocolRegions = () =>
  useQuery({
    queryKey: [...protocolKeys.all, "regions"],
    queryFn: () => get<Region[]>("/api/protocols/regions"),
  });
export const useProtocols = () =>
  useQuery({
    queryKey: [...protocolKeys.all, "list"],
    queryFn: () => get<ProtocolListItem[]>("/api/protocols"),
  });
export const useTemplates = () =>
  useQuery({
    queryKey: [...protocolKeys.all, "templates"],
    queryFn: () => get<Template[]>("/api/protocols/templates"),
  });
export const useProtocol = (id: number) =>
  useQuery({ queryKey: protocolKeys.one(id), queryFn: () => get<Protocol>(`/api/protocols/${id}`) });
export const useSearch = (q: string) =>
  useQuery({
    queryKey: [...protocolKeys.all, "search", q],
    enabled: q.trim().length >= 2,
    queryFn: () => get<Search>(`/api/protocols/search${query({ q: q.trim() })}`),
  });
export const useDimensionLinks = (id: number, dimensionId: string) =>
  useQuery({
    queryKey: protocolKeys.links(id, dimensionId),
    queryFn: () => get<Link[]>(`/api/protocols/${id}/dimensions/${encodeURIComponent(dimensionId)}/links`),
  });
export const useProgrammeLinks = (programmeId: number, siteId: number | null) =>
  useQuery({
    queryKey: protocolKeys.programmeLinks(programmeId, siteId),
    queryFn: () => get<Link[]>(`/api/programmes/${programmeId}/protocol-links${query({ siteId })}`),
  });
export const useAssessments = (id: number, siteId: number) =>
  useQuery({
    queryKey: protocolKeys.assessments(id, siteId),
    queryFn: () => get<Assessments>(`/api/protocols/${id}/sites/${siteId}/assessments`),
  });
export const useAssessmentOverview = (programmeId: number) =>
  useQuery({
    queryKey: protocolKeys.overview(programmeId),
    queryFn: () => get<Overview>(`/api/programmes/${programmeId}/protocol-assessments`),
  });

export const useCreateProtocol = () =>
  useWrite(
    (v: {
      regionId: number;
      language: "en" | "it";
      template: "mhsu" | null;
      content: ProtocolContent | null;
    }) => post<Protocol>("/api/protocols", v),
    [protocolKeys.all],
  );
export const useSaveProtocol = (id: number) =>
  useWrite(
    (v: ProtocolContentInput & { baseVersion: number }) => put<Protocol>(`/api/protocols/${id}`, v),
    [protocolKeys.all],
  );
export const useSetLink = () =>
  useWrite(
    (v: {
      programmeId: number;
      siteId: number | null;
      itemKind: "activity" | "swot";
      itemId: string;
      protocolId: number | null;
      dimensionId: string | null;
    }) => {
      const { programmeId, ...body } = v;
      return put<Link | null>(`/api/programmes/${programmeId}/protocol-links`, body);
    },
    [protocolKeys.all],
  );
export const useRecordAssessment = (id: number, siteId: number) =>
  useWrite(
    (v: { assessedOn: string; levels: Array<{ dimensionId: string; level: number; note: string }> }) =>
      post(`/api/protocols/${id}/sites/${siteId}/assessments`, v),
    [protocolKeys.all],
  );
export const useDeleteTool = () =>
  useWrite((toolId: number) => api("DELETE", `/api/protocols/tools/${toolId}`), [protocolKeys.all]);

/** Upload a tool as multipart/form-data. */
export function useUploadTool(protocolId: number, dimensionId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append("file", file, file.name);
      return upload<Tool>(
        `/api/protocols/${protocolId}/dimensions/${encodeURIComponent(dimensionId)}/tools`,
        form,
      );
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: protocolKeys.all }),
  });
}
