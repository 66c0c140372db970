import { useProgramme } from "../../app/data/programmes.ts";
import type { Scope } from "./scope.ts";

export type PlanningProgramme = NonNullable<ReturnType<typeof useProgramme>["data"]>;

/** The programme a planning page belongs to (code, name, sites). */
export const usePlanningProgramme = (id: number) => useProgramme(id);

/** "Region" or the site's code and name, for titles. */
export function scopeName(programme: PlanningProgramme, scope: Scope, region: string): string {
  if (scope.siteId === null) return region;
  const site = programme.sites.find((s) => s.siteId === scope.siteId);
  return site ? `${site.code} — ${site.name}` : `#${scope.siteId}`;
}
