import { artefactPath, type Scope } from "./scope.ts";

/**
 * The artefacts kept for the region and for each site, in the order of the planning cycle;
 * `fromRegion`: a site may start from the region's (the server's `spec.fromRegion`).
 */
export const SCOPED_ARTEFACTS = [
  { segment: "sana", kind: "sana", api: "sana", pdf: false, fromRegion: true },
  { segment: "swot", kind: "swot", api: "swot", pdf: true, fromRegion: false },
  { segment: "toc", kind: "toc", api: "toc", pdf: false, fromRegion: true },
  { segment: "action-plan", kind: "action_plan", api: "action-plan", pdf: true, fromRegion: true },
  { segment: "roadmap", kind: "roadmap", api: "roadmap", pdf: true, fromRegion: false },
] as const;

/** Whether a site's artefact at this web segment may start from the region's. */
export const startsFromRegion = (segment: string) =>
  SCOPED_ARTEFACTS.some((a) => a.segment === segment && a.fromRegion);

/** Programme-level definitions (region only). */
export const DEFINITIONS = [
  { segment: "sana-template", kind: "sana_template", api: "sana/template" },
  { segment: "swot-tags", kind: "swot_tags", api: "swot/tags" },
] as const;

export type ArtefactSegment =
  | (typeof SCOPED_ARTEFACTS)[number]["segment"]
  | (typeof DEFINITIONS)[number]["segment"];

/** The API path of an artefact from its web segment and scope (`definition` for definitions); null if unknown. */
export function apiPathOf(segment: string, scope: Scope | "definition"): string | null {
  const def = DEFINITIONS.find((d) => d.segment === segment);
  if (def) return scope === "definition" ? def.api : null;
  const art = SCOPED_ARTEFACTS.find((a) => a.segment === segment);
  if (!art || scope === "definition") return null;
  return artefactPath(art.api, scope);
}
