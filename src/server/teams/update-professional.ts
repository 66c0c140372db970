import type { z } from "zod";
import { canManageSite } from "../core/access/roles.ts";
import { actorOf, auditedWrite } from "../infra/audit/audited-write.ts";
import type { Principal } from "../infra/auth/principal.ts";
import type { Db } from "../infra/db/database.ts";
import { forbidden, invalid, notFound } from "../infra/http/errors.ts";
import { cannotManage } from "./cannot-manage.ts";
import { lockProfessional, professionalRowToProfessional } from "./repository.ts";
import type { ProfessionalPatch } from "./schemas.ts";

/**
 * Change a professional: whoever may manage the professional's site (403), unknown id 404; a team
 * coordinator stays in the implementation team (400 naming the field that would break it).
 * Recording the day they left takes them out of the implementation team (and its coordination)
 * in the same write; the row stays, since interventions and training name them.
 */
export async function updateProfessional(
  db: Db,
  p: Principal,
  id: number,
  patch: z.infer<typeof ProfessionalPatch>,
) {
  return auditedWrite(db, actorOf(p), { action: "update", entity: "professional" }, async (trx) => {
    const row = await lockProfessional(trx, id);
    if (!row) throw notFound("professional");
    if (!canManageSite(p, row.site_id)) throw forbidden(cannotManage);
    const before = professionalRowToProfessional(row);
    const merged = { ...before, ...definedOnly(patch) };
    if (merged.joinedOn && merged.leftOn && merged.leftOn < merged.joinedOn)
      throw invalid(
        patch.leftOn !== undefined ? "body.leftOn" : "body.joinedOn",
        "left_before_joined",
        `the day they left (${merged.leftOn}) is before the day they joined (${merged.joinedOn})`,
      );
    // Leaving the site is leaving its implementation team: the flags follow unless the body
    // asks to keep them, which is a contradiction.
    const leaving = merged.leftOn !== null && patch.leftOn !== undefined;
    if (merged.leftOn !== null && patch.inImplementationTeam === true)
      throw invalid(
        "body.inImplementationTeam",
        "left_not_in_team",
        `this professional left the site on ${merged.leftOn}: clear leftOn to bring them back into the team`,
      );
    if (leaving) {
      merged.inImplementationTeam = false;
      merged.teamCoordinator = false;
    }
    if (!leaving && merged.teamCoordinator && !merged.inImplementationTeam) {
      throw patch.inImplementationTeam === false
        ? invalid(
            "body.inImplementationTeam",
            "coordinator_in_team",
            "this professional coordinates the team: set teamCoordinator to false as well to take them out of it",
          )
        : invalid(
            "body.teamCoordinator",
            "coordinator_in_team",
            "a team coordinator must be in the implementation team",
          );
    }
    const updated = await trx
      .updateTable("professionals")
      .set({
        profile: patch.profile,
        in_implementation_team: leaving ? false : patch.inImplementationTeam,
        team_coordinator: leaving ? false : patch.teamCoordinator,
        trained: patch.trained,
        training_hours: patch.trainingHours,
        joined_on: patch.joinedOn,
        left_on: patch.leftOn,
      })
      .where("id", "=", row.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const after = professionalRowToProfessional(updated);
    return { result: after, entityId: row.id, siteId: row.site_id, before, after };
  });
}

/** The fields of a PATCH body that were sent. */
function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
