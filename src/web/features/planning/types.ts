/**
 * The planning API's shapes, inferred from the server's zod schemas (the contract). Types only:
 * nothing of the server ends up in the bundle through this file.
 */
import type { z } from "zod";
import type {
  ACTIVITY_STATUSES,
  ActionPlanBody,
  ActionPlanView,
  CopyToSitesResult,
  Progress,
} from "../../../server/planning/action-plan/schemas.ts";
import type { OverviewLink, RegionLinkView } from "../../../server/planning/from-region/schemas.ts";
import type {
  DefinitionBody,
  QuestionnaireSummary as QuestionnaireSummarySchema,
  ResponseBody,
  Results,
} from "../../../server/planning/questionnaire/schemas.ts";
import type {
  OBJECTIVE_STATUSES,
  RoadmapBody,
  RoadmapCompliance,
  RoadmapView,
} from "../../../server/planning/roadmap/schemas.ts";
import type {
  INDICATOR_TYPES,
  SanaComparison,
  SanaTemplateView,
  SanaValuesBody,
} from "../../../server/planning/sana/schemas.ts";
import type { Comparison, VersionSummary as VersionSummarySchema } from "../../../server/planning/schemas.ts";
import type {
  CFIR_DOMAINS,
  CommonFactors,
  QUADRANTS,
  SwotView,
  TagsBody,
} from "../../../server/planning/swot/schemas.ts";
import type { NODE_TYPES, TocView } from "../../../server/planning/toc/schemas.ts";

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

export type VersionSummary = z.infer<typeof VersionSummarySchema>;
export type VersionComparison = z.infer<typeof Comparison>;
export type Change = VersionComparison["changes"][number];

export type Quadrant = (typeof QUADRANTS)[number];
export type CfirDomain = (typeof CFIR_DOMAINS)[number];
export type SwotContent = z.infer<typeof SwotView>;
export type SwotItem = SwotContent["items"][number];
export type SwotTags = z.infer<typeof TagsBody>;
export type SwotTag = SwotTags["tags"][number];
export type CommonFactorsView = z.infer<typeof CommonFactors>;
export type CommonFactor = CommonFactorsView["factors"][number];

export type NodeType = (typeof NODE_TYPES)[number];
export type TocContent = z.infer<typeof TocView>;
export type TocNodeData = TocContent["nodes"][number];
export type TocEdgeData = TocContent["edges"][number];

export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];
export type ActionPlanContent = z.infer<typeof ActionPlanView>;
export type ActionPlanSaveBody = z.input<typeof ActionPlanBody>;
export type StrategicArea = ActionPlanContent["strategicAreas"][number];
export type SubArea = StrategicArea["subAreas"][number];
export type Activity = SubArea["activities"][number];
export type PlanProgress = z.infer<typeof Progress>;
export type CopyResult = z.infer<typeof CopyToSitesResult>;

export type ObjectiveStatus = (typeof OBJECTIVE_STATUSES)[number];
export type RoadmapContent = z.infer<typeof RoadmapView>;
export type RoadmapSaveBody = z.input<typeof RoadmapBody>;
export type Objective = RoadmapContent["objectives"][number];
export type Compliance = z.infer<typeof RoadmapCompliance>;

export type SanaIndicatorType = (typeof INDICATOR_TYPES)[number];
export type SanaTemplate = z.infer<typeof SanaTemplateView>;
export type SanaValues = z.input<typeof SanaValuesBody>;
export type SanaValue = SanaValues["values"][number];
export type SanaCompare = z.infer<typeof SanaComparison>;

export type QuestionnaireSummary = z.infer<typeof QuestionnaireSummarySchema>;
export type QuestionnaireDefinition = z.infer<typeof DefinitionBody>;
export type Question = QuestionnaireDefinition["questions"][number];
export type QuestionnaireResponse = z.infer<typeof ResponseBody>;
export type QuestionnaireResults = z.infer<typeof Results>;

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

export type RegionLinkSummary = z.infer<typeof OverviewLink>;
export type RegionLink = z.infer<typeof RegionLinkView>;

export interface TemplateSummary {
  id: string;
  name: string;
  description: string;
  contents: Record<string, number>;
}
