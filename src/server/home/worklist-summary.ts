import type { z } from "zod";
import type { Actor } from "../infra/audit/audit.ts";
import type { Principal } from "../infra/auth/principal.ts";
import type { Db } from "../infra/db/database.ts";
import { addDays } from "../infra/time/civil-date.ts";
import { siteWorklists } from "../registry/public.ts";
import type { SiteWorklistSummary } from "./schemas.ts";

/**
 * The registry's worklists (registry/site-worklists.ts, one set-based statement per site, its read
 * audited with the patients it names) of the sites where the user works — one or a few — reduced
 * to their counts and the early windows short of psychosocial interventions that close this week.
 */
export async function worklistSummaries(
  db: Db,
  p: Principal,
  actor: Actor,
  sites: Array<{ id: number; code: string; name: string }>,
  today: string,
): Promise<Array<SiteWorklistSummary>> {
  const weekEnd = addDays(today, 6);
  const out: Array<z.infer<typeof SiteWorklistSummary>> = [];
  for (const site of sites) {
    const w = await siteWorklists(db, p, actor, site.id, undefined);
    out.push({
      siteId: site.id,
      siteCode: site.code,
      siteName: site.name,
      withoutCaseManager: w.withoutCaseManager.total,
      withoutPlan: w.withoutPlan.total,
      earlyWindowShortfall: w.earlyWindowShortfall.total,
      planNotSigned: w.planNotSigned.total,
      dueThisWeek: w.earlyWindowShortfall.items.filter(
        (i) => i.windowEnd !== undefined && i.windowEnd >= today && i.windowEnd <= weekEnd,
      ),
    });
  }
  return out;
}
