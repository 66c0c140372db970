/**
 * The planning API's shapes, inferred from the server's zod schemas (the contract). Types only:
 * nothing of the server ends up in the bundle through this file.
 */
import type {
  ACTIVITY_STATUSES,
  ActionPlanView as ActionPlanContent,
} from "../../../server/planning/action-plan/schemas.ts";
import type { OverviewLink as RegionLinkSummary } from "../../../server/planning/from-region/schemas.ts";
import type { DefinitionBody as QuestionnaireDefinition } from "../../../server/planning/questionnaire/schemas.ts";
import type {
  OBJECTIVE_STATUSES,
  RoadmapView as RoadmapContent,
} from "../../../server/planning/roadmap/schemas.ts";
import type {
  INDICATOR_TYPES,
  SanaValuesBodyInput as SanaValues,
} from "../../../server/planning/sana/schemas.ts";
import type { Comparison as VersionComparison } from "../../../server/planning/schemas.ts";
import type {
  CFIR_DOMAINS,
  CommonFactors as CommonFactorsView,
  QUADRANTS,
  SwotView as SwotContent,
  TagsBody as SwotTags,
} from "../../../server/planning/swot/schemas.ts";
import type { NODE_TYPES, TocView as TocContent } from "../../../server/planning/toc/schemas.ts";

export type {
  ActionPlanBodyInput as ActionPlanSaveBody,
  ActionPlanView as ActionPlanContent,
  CopyToSitesResult as CopyResult,
  Progress as PlanProgress,
} from "../../../server/planning/action-plan/schemas.ts";
export type {
  OverviewLink as RegionLinkSummary,
  RegionLinkView as RegionLink,
} from "../../../server/planning/from-region/schemas.ts";
export type {
  DefinitionBody as QuestionnaireDefinition,
  QuestionnaireSummary,
  ResponseBody as QuestionnaireResponse,
  Results as QuestionnaireResults,
} from "../../../server/planning/questionnaire/schemas.ts";
export type {
  RoadmapBodyInput as RoadmapSaveBody,
  RoadmapCompliance as Compliance,
  RoadmapView as RoadmapContent,
} from "../../../server/planning/roadmap/schemas.ts";
export type {
  SanaComparison as SanaCompare,
  SanaTemplateView as SanaTemplate,
  SanaValuesBodyInput as SanaValues,
} from "../../../server/planning/sana/schemas.ts";
export type { Comparison as VersionComparison, VersionSummary } from "../../../server/planning/schemas.ts";
export type {
  CommonFactors as CommonFactorsView,
  SwotView as SwotContent,
  TagsBody as SwotTags,
} from "../../../server/planning/swot/schemas.ts";
export type { TocView as TocContent } from "../../../server/planning/toc/schemas.ts";

/** An artefact as the API answers it: the content plus its version, author and whether I may edit it. */
export interface ArtefactDocument<C> {
  programmeId: number;
  siteId: number | null;
  kind: string;
  /** 0 when never saved; sent back as `baseVersion` with the next save. */
  version: number;
  savedAt: string | null;
  savedBy: string | null;
  canEdit: boolean;
  content: C;
}

export type Change = VersionComparison["changes"][number];

export type Quadrant = (typeof QUADRANTS)[number];
export type CfirDomain = (typeof CFIR_DOMAINS)[number];
export type SwotItem = SwotContent["items"][number];
export type SwotTag = SwotTags["tags"][number];
export type CommonFactor = CommonFactorsView["factors"][number];

export type NodeType = (typeof NODE_TYPES)[number];
export type TocNodeData = TocContent["nodes"][number];
export type TocEdgeData = TocContent["edges"][number];

export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];
export type StrategicArea = ActionPlanContent["strategicAreas"][number];
export type SubArea = StrategicArea["subAreas"][number];
export type Activity = SubArea["activities"][number];

export type ObjectiveStatus = (typeof OBJECTIVE_STATUSES)[number];
export type Objective = RoadmapContent["objectives"][number];

export type SanaIndicatorType = (typeof INDICATOR_TYPES)[number];
export type SanaValue = SanaValues["values"][number];

export type Question = QuestionnaireDefinition["questions"][number];

export interface PlanningEntry {
  kind: string;
  siteId: number | null;
  questionnaireId: number | null;
  roundId: number | null;
  version: number;
  savedAt: string;
  savedBy: string;
  /** A site's artefact that may start from the region's: where it stands towards it. */
  fromRegion: RegionLinkSummary | null;
}

export interface TemplateSummary {
  id: string;
  name: string;
  description: string;
  contents: Record<string, number>;
}
