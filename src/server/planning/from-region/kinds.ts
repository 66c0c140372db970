import { actionPlanSpec } from "../action-plan/action-plan.ts";
import { roadmapSpec } from "../roadmap/roadmap.ts";
import { sanaValuesSpec } from "../sana/values.ts";
import { swotSpec } from "../swot/swot.ts";
import { tocSpec } from "../toc/toc.ts";
import type { ArtefactSpec } from "../versions/artefact-routes.ts";

type SiteSpec = Pick<ArtefactSpec<object>, "kind" | "what" | "prepare" | "fromRegion">;

/** The artefacts a programme has at the region and at each site. */
export const SITE_ARTEFACTS = [
  sanaValuesSpec,
  swotSpec,
  tocSpec,
  actionPlanSpec,
  roadmapSpec,
] as unknown as readonly SiteSpec[];

/** Those a site may start from the region's (SANA on request; Theory of Change and action plan by themselves). */
export const FROM_REGION = SITE_ARTEFACTS.filter((s) => s.fromRegion);
export const FROM_REGION_KINDS: readonly string[] = FROM_REGION.map((s) => s.kind);
