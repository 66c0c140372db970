import type { ProgrammeWithSites } from "../../core/programme-scope.ts";
import type { Actor } from "../../infra/audit/audit.ts";
import type { Db } from "../../infra/db/database.ts";
import { AppError, invalid } from "../../infra/http/errors.ts";
import { planningWrite } from "../versions/planning-write.ts";
import { loadCurrent } from "../versions/repository.ts";
import { staleArtefact, writeVersion } from "../versions/write-version.ts";
import type { ActionPlanContent } from "./schemas.ts";
import { planForSite, professionalsAt } from "./site-copy.ts";

/**
 * Copy the regional action plan to the chosen sites as their starting point, in one transaction
 * for all of them (`planForSite`: activities keep their id as `originId`, start as `planned`,
 * keep a responsible professional only if they work at the site); each copy records the regional
 * version it copies (`from_region_version`, see planning/from-region). A site that already has a plan is refused (409, naming
 * it) unless `replace` is set — then the copy is its next version and the old plan stays in its
 * history. With `regionalVersion`, a regional plan saved since the coordinator looked is a 409
 * `stale_version` and nothing is copied.
 */
export async function copyPlanToSites(
  db: Db,
  actor: Actor,
  programme: ProgrammeWithSites,
  input: { siteIds: number[]; replace: boolean; regionalVersion?: number | undefined },
) {
  input.siteIds.forEach((id, i) => {
    if (!programme.siteIds.includes(id))
      throw invalid(
        `body.siteIds.${i}`,
        "reference",
        `site ${id} is not a site of programme ${programme.code}`,
      );
  });
  return planningWrite(db, actor, async (trx) => {
    const regional = await loadCurrent(trx, { programmeId: programme.id, kind: "action_plan", siteId: null });
    if (!regional)
      throw new AppError(
        "conflict",
        "the regional action plan has not been saved yet: there is nothing to copy",
      );
    if (input.regionalVersion !== undefined && input.regionalVersion !== regional.version) {
      const stale = staleArtefact("regional action plan", regional.version, input.regionalVersion);
      throw new AppError(
        "stale_version",
        stale.message,
        [{ ...stale.issues[0]!, field: "body.regionalVersion" }],
        stale.headers,
      );
    }
    const plan = regional.content as ActionPlanContent;
    const [existing, professionals] = await Promise.all([
      trx
        .selectFrom("planning_artefacts")
        .select(["site_id", "current_version"])
        .where("programme_id", "=", programme.id)
        .where("kind", "=", "action_plan")
        .where("site_id", "in", input.siteIds)
        .where("current_version", ">", 0)
        .execute(),
      professionalsAt(trx, input.siteIds),
    ]);
    if (existing.length && !input.replace) {
      const codes = existing.map((e) => programme.sites.find((s) => s.id === e.site_id)!.code);
      const message = `${codes.join(", ")} already ${codes.length === 1 ? "has a plan" : "have plans"}: send replace: true to overwrite (their history keeps the old plan)`;
      throw new AppError("conflict", message, [{ field: "body.replace", rule: "has_plan", message }]);
    }
    const audits = [];
    const sites = [];
    for (const siteId of input.siteIds) {
      const copy = planForSite(plan, professionals.get(siteId)!);
      const owner = { programmeId: programme.id, kind: "action_plan" as const, siteId };
      const written = await writeVersion(trx, actor, owner, "action plan", "latest", copy, regional.version);
      audits.push(written.audit);
      const site = programme.sites.find((s) => s.id === siteId)!;
      sites.push({ ...site, version: written.stored.version });
    }
    return { result: { regionalVersion: regional.version, sites }, audits };
  });
}
