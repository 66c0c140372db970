import type { Transaction } from "kysely";
import type { ProgrammeWithSites } from "../../core/programme-scope.ts";
import type { DB } from "../../infra/db/schema.ts";
import { checkUniqueIds, Issues } from "../issues.ts";
import { withIds } from "../schemas.ts";
import type { ActionPlanContent } from "./schemas.ts";
import { tocOutputs } from "./toc-outputs.ts";

/**
 * Check an action plan against its dates and the rest of the programme, and give ids to new
 * areas, sub-areas and activities. Refused, each naming its field: an end before its start, an
 * activity with nobody responsible, a professional code unknown at the plan's site (for the
 * region: at the programme's sites), a ToC output that does not exist, an id used twice.
 */
export async function checkActionPlan(
  trx: Transaction<DB>,
  programme: ProgrammeWithSites,
  siteId: number | null,
  content: ActionPlanContent,
): Promise<ActionPlanContent> {
  const issues = new Issues();
  const plan = {
    strategicAreas: withIds(content.strategicAreas, "sa").map((sa) => ({
      ...sa,
      subAreas: withIds(sa.subAreas, "sub").map((sub) => ({
        ...sub,
        activities: withIds(sub.activities, "act"),
      })),
    })),
  };
  checkUniqueIds(issues, plan.strategicAreas, "body.strategicAreas");
  const subIds = new Set<string>();
  const activityIds = new Set<string>();
  const codes = new Set<string>();
  plan.strategicAreas.forEach((sa, i) => {
    checkUniqueIds(issues, sa.subAreas, `body.strategicAreas.${i}.subAreas`, subIds);
    sa.subAreas.forEach((sub, j) => {
      const base = `body.strategicAreas.${i}.subAreas.${j}.activities`;
      checkUniqueIds(issues, sub.activities, base, activityIds);
      sub.activities.forEach((a, k) => {
        if (a.end < a.start)
          issues.add(
            `${base}.${k}.end`,
            "end_before_start",
            `the end (${a.end}) is before the start (${a.start})`,
          );
        if (!a.responsibleActor && !a.responsibleProfessionalCode)
          issues.add(
            `${base}.${k}.responsibleActor`,
            "required",
            "name who is responsible: an actor, a professional's code, or both",
          );
        if (a.responsibleProfessionalCode) codes.add(a.responsibleProfessionalCode);
      });
    });
  });

  const scopeSites = siteId === null ? programme.siteIds : [siteId];
  const [known, outputs] = await Promise.all([
    codes.size
      ? trx
          .selectFrom("professionals")
          .select(["code", "site_id"])
          .where("code", "in", [...codes])
          .execute()
      : Promise.resolve([]),
    tocOutputs(trx, programme.id, siteId),
  ]);
  const where = siteId === null ? `at the sites of programme ${programme.code}` : "at this site";
  const usable = new Set(known.filter((p) => scopeSites.includes(p.site_id)).map((p) => p.code));
  plan.strategicAreas.forEach((sa, i) => {
    sa.subAreas.forEach((sub, j) => {
      sub.activities.forEach((a, k) => {
        const base = `body.strategicAreas.${i}.subAreas.${j}.activities.${k}`;
        if (a.responsibleProfessionalCode && !usable.has(a.responsibleProfessionalCode))
          issues.add(
            `${base}.responsibleProfessionalCode`,
            "reference",
            `no professional with code "${a.responsibleProfessionalCode}" works ${where}`,
          );
        if (a.tocOutputNodeId && !outputs.has(a.tocOutputNodeId))
          issues.add(
            `${base}.tocOutputNodeId`,
            "reference",
            `"${a.tocOutputNodeId}" is not an output of the ${siteId === null ? "regional" : "site's or the regional"} Theory of Change`,
          );
      });
    });
  });
  issues.throwIfAny();
  return plan;
}
