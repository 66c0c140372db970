import type { ProgrammeWithSites } from "../../core/programme-scope.ts";
import type { Actor, AuditEntry } from "../../infra/audit/audit.ts";
import type { Db } from "../../infra/db/database.ts";
import { AppError } from "../../infra/http/errors.ts";
import { planningWrite } from "../versions/planning-write.ts";
import { loadCurrent } from "../versions/repository.ts";
import { writeVersion } from "../versions/write-version.ts";
import { checkActionPlan } from "./rules.ts";
import type { ActionPlanContent, Activity } from "./schemas.ts";

/** An activity another capability adds to a site's plan (planned, not yet linked to the ToC). */
export type NewActivity = Pick<
  Activity,
  "title" | "description" | "responsibleActor" | "responsibleProfessionalCode" | "start" | "end"
>;

export interface PlanAddition {
  programme: ProgrammeWithSites;
  siteId: number;
  /** The plan version the client started from, or "latest" to build on whatever is current. */
  baseVersion: number | "latest";
  /** The strategic area the sub-area goes under: found by title, created when missing. */
  area: { title: string; description: string };
  subArea: { title: string; activities: NewActivity[] };
  /** The 409's message when the area already holds a sub-area of this title. */
  alreadyThere: string;
}

export interface PlanAdded {
  version: number;
  /** The new activities' ids, in the order given. */
  activityIds: string[];
  /** The plan's audit entry (before/after). */
  audit: AuditEntry;
}

/**
 * Planning's public write for other capabilities ("add activities to a site's plan"): the
 * sub-area and its activities join the site's action plan as its next version, checked by the
 * planning rules, with the planning audit entry and whatever entries `finish` adds — all in one
 * transaction. Access is the caller's to check before calling.
 */
export async function addToActionPlan<R>(
  db: Db,
  actor: Actor,
  add: PlanAddition,
  finish: (added: PlanAdded) => { result: R; audits: AuditEntry[] },
): Promise<R> {
  const owner = { programmeId: add.programme.id, kind: "action_plan" as const, siteId: add.siteId };
  return planningWrite(db, actor, async (trx) => {
    const written = await writeVersion(trx, actor, owner, "action plan", add.baseVersion, async () => {
      const current = ((await loadCurrent(trx, owner))?.content as ActionPlanContent | undefined) ?? {
        strategicAreas: [],
      };
      const existing = current.strategicAreas.find((sa) => sa.title === add.area.title);
      if (existing?.subAreas.some((s) => s.title === add.subArea.title))
        throw new AppError("conflict", add.alreadyThere);
      const sub = {
        title: add.subArea.title,
        activities: add.subArea.activities.map((a) => ({
          ...a,
          originId: null,
          stakeholders: [],
          targetPopulation: "",
          finalBeneficiaries: "",
          status: "planned" as const,
          tocOutputNodeId: null,
        })),
      };
      const content: ActionPlanContent = {
        strategicAreas: existing
          ? current.strategicAreas.map((sa) =>
              sa === existing ? { ...sa, subAreas: [...sa.subAreas, sub] } : sa,
            )
          : [...current.strategicAreas, { ...add.area, subAreas: [sub] }],
      };
      return checkActionPlan(trx, add.programme, add.siteId, content);
    });
    const saved = written.stored.content as ActionPlanContent;
    const activityIds = saved.strategicAreas
      .find((sa) => sa.title === add.area.title)!
      .subAreas.find((s) => s.title === add.subArea.title)!
      .activities.map((a) => a.id!);
    const { result, audits } = finish({ version: written.stored.version, activityIds, audit: written.audit });
    return { result, audits: [written.audit, ...audits] };
  });
}
