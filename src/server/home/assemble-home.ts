import { canReadProgramme } from "../core/access/roles.ts";
import { listProgrammeScopes } from "../core/programme-scope.ts";
import type { Actor } from "../infra/audit/audit.ts";
import type { Principal } from "../infra/auth/principal.ts";
import type { Db } from "../infra/db/database.ts";
import { today as civilToday } from "../infra/time/civil-date.ts";
import { dataQualityCounts } from "./data-quality.ts";
import { fidelityReviewsDue } from "./fidelity-reviews-due.ts";
import { openRounds } from "./open-rounds.ts";
import { overdueActivities } from "./overdue-activities.ts";
import type { Home } from "./schemas.ts";
import { homeScope } from "./scope.ts";
import { programmeAggregates, sitesBelowTarget, type TargetsReader } from "./targets.ts";
import { worklistSummaries } from "./worklist-summary.ts";

/**
 * What needs doing now, for this user (scope.ts decides what each role gets):
 *
 * - site staff: their sites' worklists, their site plans' overdue activities, the open rounds
 *   their sites have not answered, their sites' data quality;
 * - regional coordinators and administrators: their programmes' overdue activities (region and
 *   sites), open rounds with the sites that have not answered, sites below an indicator's target,
 *   fidelity reviews due, data quality of their sites;
 * - viewers: programme-level figures against targets, nothing else.
 *
 * `targets` reads indicator values through the indicators' per-server cache.
 */
export async function assembleHome(
  db: Db,
  targets: TargetsReader,
  p: Principal,
  actor: Actor,
): Promise<Home> {
  const scope = homeScope(p);
  const asOf = civilToday();
  const empty = { total: 0, items: [] };
  if (scope.aggregatesOnly) {
    const readable = (await listProgrammeScopes(db)).filter((prog) => canReadProgramme(p, prog));
    return {
      asOf,
      audiences: scope.audiences,
      worklists: [],
      overdueActivities: empty,
      openRounds: [],
      belowTarget: [],
      fidelityDue: [],
      dataQuality: [],
      aggregates: await programmeAggregates(
        targets,
        readable.map((prog) => prog.id),
        asOf,
      ),
    };
  }
  const staffSites = scope.staffSites.length
    ? await db
        .selectFrom("sites")
        .select(["id", "code", "name"])
        .where("id", "in", scope.staffSites)
        .orderBy("code")
        .execute()
    : [];
  const oversees = scope.programmes === "all" || scope.programmes.length > 0;
  const programmeIds =
    scope.programmes === "all"
      ? (await db.selectFrom("programmes").select("id").orderBy("code").execute()).map((r) => r.id)
      : scope.programmes;
  const planning = { programmes: scope.programmes, sites: scope.staffSites };
  const worklists = await worklistSummaries(db, p, actor, staffSites, asOf);
  const [overdue, rounds, belowTarget, fidelityDue, dataQuality] = await Promise.all([
    overdueActivities(db, planning, asOf),
    openRounds(db, planning, asOf),
    oversees ? sitesBelowTarget(targets, programmeIds, asOf) : [],
    oversees ? fidelityReviewsDue(db, scope.programmes, asOf) : [],
    dataQualityCounts(db, scope.qualitySites),
  ]);
  return {
    asOf,
    audiences: scope.audiences,
    worklists,
    overdueActivities: overdue,
    openRounds: rounds,
    belowTarget,
    fidelityDue,
    dataQuality,
    aggregates: [],
  };
}
