import { artefactPath, type Scope } from "./scope.ts";

/** The artefacts kept for the region and for each site, in the order of the planning cycle. */
export const SCOPED_ARTEFACTS = [
  { segment: "sana", kind: "sana", api: "sana", pdf: false },
  { segment: "swot", kind: "swot", api: "swot", pdf: true },
  { segment: "toc", kind: "toc", api: "toc", pdf: false },
  { segment: "action-plan", kind: "action_plan", api: "action-plan", pdf: true },
  { segment: "roadmap", kind: "roadmap", api: "roadmap", pdf: true },
] as const;

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
