import type { CfirDomain, Quadrant, SwotTag } from "../types.ts";

export const QUADRANTS: Quadrant[] = ["strength", "weakness", "opportunity", "threat"];
export const CFIR_DOMAINS: CfirDomain[] = [
  "innovation",
  "outer_setting",
  "inner_setting",
  "individuals",
  "implementation_process",
];

export const QUADRANT_COLOR: Record<Quadrant, string> = {
  strength: "teal",
  weakness: "orange",
  opportunity: "blue",
  threat: "red",
};

/** The tag vocabulary as grouped select options: one group per CFIR 2.0 domain, then the rest. */
export function tagOptions(tags: SwotTag[], domainLabel: (d: CfirDomain | null) => string) {
  const groups = [...CFIR_DOMAINS, null].map((d) => ({
    group: domainLabel(d),
    items: tags.filter((t) => t.cfirDomain === d).map((t) => ({ value: t.code, label: t.label })),
  }));
  return groups.filter((g) => g.items.length > 0);
}
