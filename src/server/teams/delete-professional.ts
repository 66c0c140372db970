import { canManageSite } from "../core/access/roles.ts";
import { actorOf, auditedWrite } from "../infra/audit/audited-write.ts";
import type { Principal } from "../infra/auth/principal.ts";
import type { Db } from "../infra/db/database.ts";
import { conflict, forbidden, notFound } from "../infra/http/errors.ts";
import { cannotManage } from "./cannot-manage.ts";
import { linkedUsernames, lockProfessional, professionalRowToProfessional } from "./repository.ts";

/** A PostgreSQL foreign-key violation: something still refers to the row. */
const isStillReferenced = (err: unknown) => (err as { code?: unknown }).code === "23503";

/**
 * Delete a professional: whoever may manage the site (403); refused (409) while a user account is
 * linked to them or records (interventions…) still refer to them.
 */
export async function deleteProfessional(db: Db, p: Principal, id: number): Promise<void> {
  try {
    await auditedWrite(db, actorOf(p), { action: "delete", entity: "professional" }, async (trx) => {
      const row = await lockProfessional(trx, id);
      if (!row) throw notFound("professional");
      if (!canManageSite(p, row.site_id)) throw forbidden(cannotManage);
      const users = await linkedUsernames(trx, row.id);
      if (users.length)
        throw conflict(
          `professional ${row.code} is linked to the user account ${users.join(", ")}; unlink it from the account before deleting`,
        );
      await trx.deleteFrom("professionals").where("id", "=", row.id).execute();
      return {
        result: null,
        entityId: row.id,
        siteId: row.site_id,
        before: professionalRowToProfessional(row),
        after: null,
      };
    });
  } catch (err) {
    if (isStillReferenced(err))
      throw conflict(
        "this professional is still referenced by other records (e.g. interventions); it cannot be deleted",
      );
    throw err;
  }
}
