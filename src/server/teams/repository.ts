import type { Selectable, Transaction } from "kysely";
import type { z } from "zod";
import type { Executor } from "../infra/db/executor.ts";
import type { DB, ProfessionalTable } from "../infra/db/schema.ts";
import type { Professional } from "./schemas.ts";

/** Row → API mapper: the only place that knows both shapes. */
export const professionalRowToProfessional = (
  r: Selectable<ProfessionalTable>,
): z.infer<typeof Professional> => ({
  id: r.id,
  code: r.code,
  siteId: r.site_id,
  profile: r.profile as z.infer<typeof Professional>["profile"],
  inImplementationTeam: r.in_implementation_team,
  teamCoordinator: r.team_coordinator,
  trained: r.trained,
  trainingHours: r.training_hours === null ? null : Number(r.training_hours),
  joinedOn: r.joined_on,
  leftOn: r.left_on,
});

/** The professionals of a site by code; only the implementation team when `teamOnly`. */
export async function listProfessionals(db: Executor, siteId: number, teamOnly: boolean) {
  let q = db.selectFrom("professionals").selectAll().where("site_id", "=", siteId).orderBy("code");
  if (teamOnly) q = q.where("in_implementation_team", "=", true);
  return (await q.execute()).map(professionalRowToProfessional);
}

/** The professional row, locked until the transaction ends. */
export const lockProfessional = (trx: Transaction<DB>, id: number) =>
  trx.selectFrom("professionals").selectAll().where("id", "=", id).forUpdate().executeTakeFirst();

/** Usernames of the accounts linked to a professional (a link that blocks deleting it). */
export async function linkedUsernames(db: Executor, professionalId: number): Promise<string[]> {
  const rows = await db
    .selectFrom("user_roles as r")
    .innerJoin("users as u", "u.id", "r.user_id")
    .select("u.username")
    .distinct()
    .where("r.professional_id", "=", professionalId)
    .orderBy("u.username")
    .execute();
  return rows.map((r) => r.username);
}
