import type { Executor } from "../../infra/db/executor.ts";
import type { ActionPlanContent } from "./schemas.ts";

/**
 * The regional plan as a site's starting point: every activity keeps its id and records it as
 * `originId` (so the regional progress view can follow it), starts as `planned`, and keeps its
 * responsible professional only if that professional works at the site (otherwise the free text,
 * or "to be assigned"). Pure: `here` is the codes of the site's professionals.
 */
export function planForSite(plan: ActionPlanContent, here: ReadonlySet<string>): ActionPlanContent {
  return {
    strategicAreas: plan.strategicAreas.map((sa) => ({
      ...sa,
      subAreas: sa.subAreas.map((sub) => ({
        ...sub,
        activities: sub.activities.map((a) => {
          const keep = a.responsibleProfessionalCode !== null && here.has(a.responsibleProfessionalCode);
          return {
            ...a,
            originId: a.id!,
            status: "planned" as const,
            responsibleProfessionalCode: keep ? a.responsibleProfessionalCode : null,
            responsibleActor: a.responsibleActor || (keep ? "" : "to be assigned"),
          };
        }),
      })),
    })),
  };
}

/** The professional codes of each of these sites, in one query. */
export async function professionalsAt(db: Executor, siteIds: number[]): Promise<Map<number, Set<string>>> {
  const bySite = new Map<number, Set<string>>(siteIds.map((id) => [id, new Set()]));
  if (siteIds.length === 0) return bySite;
  const rows = await db
    .selectFrom("professionals")
    .select(["code", "site_id"])
    .where("site_id", "in", siteIds)
    .execute();
  for (const r of rows) bySite.get(r.site_id)?.add(r.code);
  return bySite;
}
