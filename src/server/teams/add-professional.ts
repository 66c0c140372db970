import type { z } from "zod";
import { actorOf, auditedWrite } from "../infra/audit/audited-write.ts";
import type { Principal } from "../infra/auth/principal.ts";
import type { Db } from "../infra/db/database.ts";
import { conflict, invalid } from "../infra/http/errors.ts";
import { findSite } from "../structure/public.ts";
import { professionalRowToProfessional } from "./repository.ts";
import type { ProfessionalBody } from "./schemas.ts";

/** Add a professional to a site's team (access checked by the route): the site exists (400), the code is free (409). */
export async function addProfessional(db: Db, p: Principal, body: z.infer<typeof ProfessionalBody>) {
  return auditedWrite(db, actorOf(p), { action: "create", entity: "professional" }, async (trx) => {
    const [site, taken] = await Promise.all([
      findSite(trx, body.siteId),
      trx.selectFrom("professionals").select("id").where("code", "=", body.code).executeTakeFirst(),
    ]);
    if (!site) throw invalid("body.siteId", "reference", "no such site");
    if (taken) throw conflict(`a professional with code "${body.code}" already exists`, "body.code");
    const row = await trx
      .insertInto("professionals")
      .values({
        code: body.code,
        site_id: body.siteId,
        profile: body.profile,
        in_implementation_team: body.inImplementationTeam,
        team_coordinator: body.teamCoordinator,
        trained: body.trained,
        training_hours: body.trainingHours,
        joined_on: body.joinedOn,
        left_on: body.leftOn,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const after = professionalRowToProfessional(row);
    return { result: after, entityId: row.id, siteId: row.site_id, before: null, after };
  });
}
