import type { z } from "zod";
import { canCreateProgrammeIn, coordinatedProgrammes, isAdmin } from "../core/access/roles.ts";
import { coordinatorRegions } from "../core/programme-scope.ts";
import { audit } from "../infra/audit/audit.ts";
import { actorOf, auditedWrite } from "../infra/audit/audited-write.ts";
import type { Principal } from "../infra/auth/principal.ts";
import type { Db } from "../infra/db/database.ts";
import { AppError, conflict } from "../infra/http/errors.ts";
import { checkProgrammeReferences } from "./check-references.ts";
import { loadProgramme, replaceProgrammeLinks } from "./repository.ts";
import type { ProgrammeBody } from "./schemas.ts";
import { checkTargets, replaceTargets } from "./targets.ts";

/**
 * Create a programme: administrators in any region, regional coordinators in the regions of the
 * programmes they coordinate (403 naming `body.regionId` otherwise). The code is unique (409), the
 * practice version, sites and targets are checked, and a coordinator who creates a programme
 * gets its `regional_coordinator` grant in the same audited transaction.
 */
export async function createProgramme(db: Db, p: Principal, body: z.infer<typeof ProgrammeBody>) {
  const admin = isAdmin(p);
  return auditedWrite(db, actorOf(p), { action: "create", entity: "programme" }, async (trx) => {
    if (!admin) {
      const regions = await coordinatorRegions(trx, coordinatedProgrammes(p));
      if (!canCreateProgrammeIn(p, body.regionId, regions)) {
        const message =
          "a regional coordinator creates programmes only in the region of the programmes they coordinate";
        throw new AppError("forbidden", `body.regionId: ${message}`, [
          { field: "body.regionId", rule: "forbidden", message },
        ]);
      }
    }
    const taken = await trx
      .selectFrom("programmes")
      .select("id")
      .where("code", "=", body.code)
      .executeTakeFirst();
    if (taken) throw conflict(`a programme with code "${body.code}" already exists`, "body.code");
    const practiceVersion = await checkProgrammeReferences(trx, body, true);
    await checkTargets(trx, null, body.targets, new Set(body.sites.map((s) => s.siteId)));
    const row = await trx
      .insertInto("programmes")
      .values({
        code: body.code,
        name: body.name,
        region_id: body.regionId,
        practice_id: body.practiceId,
        practice_version: practiceVersion,
        parameters: JSON.stringify(body.parameters),
        updated_at: new Date(),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await replaceProgrammeLinks(trx, row.id, { phases: body.phases, sites: body.sites });
    await replaceTargets(trx, row.id, body.targets);
    if (!admin) {
      // The coordinator who creates a programme coordinates it (their session sees it at once:
      // the grant notifies every server's session cache, migration 0011).
      const grant = await trx
        .insertInto("user_roles")
        .values({
          user_id: p.userId,
          role: "regional_coordinator",
          programme_id: row.id,
          site_id: null,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await audit(trx, actorOf(p), {
        action: "grant",
        entity: "user_role",
        entityId: grant.id,
        programmeId: row.id,
        detail: {
          before: null,
          after: { userId: p.userId, role: "regional_coordinator", programmeId: row.id },
          reason: "the regional coordinator who created the programme",
        },
      });
    }
    const after = (await loadProgramme(trx, row.id))!;
    return {
      result: { ...after, canEdit: true },
      entityId: row.id,
      programmeId: row.id,
      before: null,
      after,
    };
  });
}
