import { type QueryKey, useQuery, useQueryClient } from "@tanstack/react-query";
import { get, post, put } from "../../app/api.ts";
import { useWrite } from "../../app/mutations.ts";
import type {
  ArtefactDocument,
  CommonFactorsView,
  Compliance,
  CopyResult,
  PlanningEntry,
  PlanProgress,
  QuestionnaireResults,
  QuestionnaireSummary,
  RegionLink,
  SanaCompare,
  TemplateSummary,
  VersionComparison,
  VersionSummary,
} from "./types.ts";

/**
 * The planning toolkit's reads and writes. Every query of a programme's plan sits under
 * `["planning", programmeId]`: a save makes the programme's cross-site views stale as well.
 */
export const planningKeys = {
  programme: (id: number) => ["planning", id] as const,
  artefact: (id: number, path: string) => ["planning", id, "artefact", path] as const,
  versions: (id: number, path: string) => ["planning", id, "artefact", path, "versions"] as const,
};

export const planningBase = (programmeId: number) => `/api/programmes/${programmeId}/planning`;

const use = <T>(programmeId: number, key: QueryKey, url: string, enabled = true) =>
  useQuery({
    queryKey: ["planning", programmeId, ...key],
    queryFn: () => get<T>(url ? `${planningBase(programmeId)}/${url}` : planningBase(programmeId)),
    enabled,
  });

/** The current version of an artefact, e.g. `swot/sites/4`. */
export const useArtefact = <C>(programmeId: number, path: string, enabled = true) =>
  useQuery({
    queryKey: planningKeys.artefact(programmeId, path),
    queryFn: () => get<ArtefactDocument<C>>(`${planningBase(programmeId)}/${path}`),
    enabled,
  });

export const useOverview = (programmeId: number) => use<PlanningEntry[]>(programmeId, ["overview"], "");
/** The shipped templates, their texts in the user's language. */
export const useTemplates = (programmeId: number, language: string) =>
  use<TemplateSummary[]>(programmeId, ["templates", language], `templates?language=${language}`);
export const useCommonFactors = (programmeId: number) =>
  use<CommonFactorsView>(programmeId, ["common-factors"], "swot/common-factors");
export const useSanaCompare = (programmeId: number) =>
  use<SanaCompare>(programmeId, ["sana-compare"], "sana/compare");
export const usePlanProgress = (programmeId: number) =>
  use<PlanProgress>(programmeId, ["progress"], "action-plan/progress");
export const useCompliance = (programmeId: number) =>
  use<Compliance>(programmeId, ["compliance"], "roadmap/compliance");
export const useQuestionnaires = (programmeId: number) =>
  use<QuestionnaireSummary[]>(programmeId, ["questionnaires"], "questionnaires");
export const useQuestionnaireResults = (programmeId: number, questionnaireId: number) =>
  use<QuestionnaireResults>(
    programmeId,
    ["questionnaire-results", questionnaireId],
    `questionnaires/${questionnaireId}/results`,
  );

export const useVersions = (programmeId: number, path: string) =>
  useQuery({
    queryKey: planningKeys.versions(programmeId, path),
    queryFn: () => get<VersionSummary[]>(`${planningBase(programmeId)}/${path}/versions`),
  });

export const useVersion = <C>(programmeId: number, path: string, version: number | null) =>
  useQuery({
    queryKey: [...planningKeys.versions(programmeId, path), version],
    queryFn: () => get<ArtefactDocument<C>>(`${planningBase(programmeId)}/${path}/versions/${version}`),
    enabled: version !== null,
  });

export const useComparison = (programmeId: number, path: string, a: number | null, b: number | null) =>
  useQuery({
    queryKey: [...planningKeys.versions(programmeId, path), "compare", a, b],
    queryFn: () => get<VersionComparison>(`${planningBase(programmeId)}/${path}/versions/${a}/compare/${b}`),
    enabled: a !== null && b !== null && a !== b,
  });

/** Save a new version of an artefact: the content plus the version the user started from. */
export function useSaveArtefact<C, B extends object>(programmeId: number, path: string) {
  const qc = useQueryClient();
  return useWrite(
    async (body: B & { baseVersion: number }) => {
      const saved = await put<ArtefactDocument<C>>(`${planningBase(programmeId)}/${path}`, body);
      qc.setQueryData(planningKeys.artefact(programmeId, path), saved);
      return saved;
    },
    [planningKeys.programme(programmeId)],
  );
}

/** Where a site's artefact (e.g. `toc/sites/4`) stands towards the region's, with both differences. */
export const useRegionLink = (programmeId: number, path: string) =>
  useQuery({
    queryKey: [...planningKeys.artefact(programmeId, path), "from-region"],
    queryFn: () => get<RegionLink>(`${planningBase(programmeId)}/${path}/from-region`),
  });

/** Start a site's artefact from the region's current version, or take it over the site's own. */
export const useTakeRegionVersion = <C>(programmeId: number, path: string) =>
  useWrite(
    (body: { regionVersion: number; baseVersion: number }) =>
      post<ArtefactDocument<C>>(`${planningBase(programmeId)}/${path}/from-region`, body),
    [planningKeys.programme(programmeId)],
  );

export const useApplyTemplate = (programmeId: number) =>
  useWrite(
    (body: { template: string; language: "en" | "it"; parts?: string[]; replace: boolean }) =>
      post<{
        template: string;
        applied: Array<{ part: string; version: number }>;
        started: Array<{ kind: string; sites: number }>;
      }>(`${planningBase(programmeId)}/apply-template`, body),
    [planningKeys.programme(programmeId)],
  );

export const useCopyToSites = (programmeId: number) =>
  useWrite(
    (body: { siteIds: number[]; replace: boolean; regionalVersion?: number }) =>
      post<CopyResult>(`${planningBase(programmeId)}/action-plan/region/copy-to-sites`, body),
    [planningKeys.programme(programmeId)],
  );

export const useCreateQuestionnaire = (programmeId: number) =>
  useWrite(
    (body: { code: string; title: string; questions: unknown[] }) =>
      post<QuestionnaireSummary>(`${planningBase(programmeId)}/questionnaires`, body),
    [planningKeys.programme(programmeId)],
  );

export const useCreateRound = (programmeId: number, questionnaireId: number) =>
  useWrite(
    (body: { label: string; opensOn: string; closesOn: string }) =>
      post<unknown>(`${planningBase(programmeId)}/questionnaires/${questionnaireId}/rounds`, body),
    [planningKeys.programme(programmeId)],
  );

/** The URL of an artefact's server-side export. */
export const exportUrl = (programmeId: number, path: string, format: "xlsx" | "pdf") =>
  `${planningBase(programmeId)}/${path}/export.${format}`;
