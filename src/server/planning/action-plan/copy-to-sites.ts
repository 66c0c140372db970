import type { Actor } from "../../infra/audit/audit.ts";
import type { Db } from "../../infra/db/database.ts";
import { AppError, invalid } from "../../infra/http/errors.ts";
import type { ProgrammeWithSites } from "../programme-scope.ts";
import { planningWrite } from "../versions/planning-write.ts";
import { loadCurrent } from "../versions/repository.ts";
import { staleArtefact, writeVersion } from "../versions/write-version.ts";
import type { ActionPlanContent } from "./schemas.ts";

/**
 * Copy the regional action plan to the chosen sites as their starting point, in one transaction
 * for all of them: every activity keeps its id and records it as `originId` (so the regional
 * progress view can follow it), starts as `planned`, and keeps its responsible professional only
 * if that professional works at the site. A site that already has a plan is refused (409, naming
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
      trx
        .selectFrom("professionals")
        .select(["code", "site_id"])
        .where("site_id", "in", input.siteIds)
        .execute(),
    ]);
    if (existing.length && !input.replace) {
      const codes = existing.map((e) => programme.sites.find((s) => s.id === e.site_id)!.code);
      const message = `${codes.join(", ")} already ${codes.length === 1 ? "has a plan" : "have plans"}: send replace: true to overwrite (their history keeps the old plan)`;
      throw new AppError("conflict", message, [{ field: "body.replace", rule: "has_plan", message }]);
    }
    const audits = [];
    const sites = [];
    for (const siteId of input.siteIds) {
      const here = new Set(professionals.filter((p) => p.site_id === siteId).map((p) => p.code));
      const copy: ActionPlanContent = {
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
      const owner = { programmeId: programme.id, kind: "action_plan" as const, siteId };
      const written = await writeVersion(trx, actor, owner, "action plan", "latest", copy);
      audits.push({
        ...written.audit,
        detail: { ...written.audit.detail, copiedFromRegionalVersion: regional.version },
      });
      const site = programme.sites.find((s) => s.id === siteId)!;
      sites.push({ ...site, version: written.stored.version });
    }
    return { result: { regionalVersion: regional.version, sites }, audits };
  });
}
