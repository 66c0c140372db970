import type { z } from "zod";
import { type Actor, audit } from "../infra/audit/audit.ts";
import { hashPassword } from "../infra/auth/password.ts";
import type { Db } from "../infra/db/database.ts";
import { notFound } from "../infra/http/errors.ts";
import { assertNotLastAdmin, checkGrantReferences, insertGrants } from "./create-user.ts";
import { listUsers } from "./repository.ts";
import type { UserPatch } from "./schemas.ts";

type Patch = z.infer<typeof UserPatch>;

/** Whether this change takes the administrator role from a user who has it (deactivation or new grants without it). */
export function losesAdministrator(
  before: { grants: ReadonlyArray<{ role: string }> },
  change: Pick<Patch, "active" | "grants">,
): boolean {
  const hadIt = before.grants.some((g) => g.role === "administrator");
  const dropsIt =
    change.active === false ||
    (change.grants !== undefined && !change.grants.some((g) => g.role === "administrator"));
  return hadIt && dropsIt;
}

/**
 * Change a user (access checked by the route): name, active, grants, or a new password (which
 * must be changed at next sign-in). The last active administrator keeps that role (400); a
 * deactivation or a new password ends the user's sessions. One transaction, audited
 * (`update_and_reset_password` when the password is reset).
 */
export async function updateUser(db: Db, actor: Actor, id: number, change: Patch) {
  const hash = change.password ? await hashPassword(change.password) : undefined;
  await db.transaction().execute(async (trx) => {
    const [before] = await listUsers(trx, [id]);
    if (!before) throw notFound("user");
    if (change.grants) await checkGrantReferences(trx, change.grants);
    if (losesAdministrator(before, change)) {
      const others = await trx
        .selectFrom("user_roles as r")
        .innerJoin("users as u", "u.id", "r.user_id")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("r.role", "=", "administrator")
        .where("u.active", "=", true)
        .where("u.id", "!=", before.id)
        .executeTakeFirstOrThrow();
      assertNotLastAdmin(Number(others.n));
    }
    const set = {
      display_name: change.displayName,
      active: change.active,
      ...(hash ? { password_hash: hash, must_change_password: true } : {}),
    };
    if (Object.values(set).some((v) => v !== undefined)) {
      await trx.updateTable("users").set(set).where("id", "=", before.id).execute();
    }
    if (change.grants) {
      await trx.deleteFrom("user_roles").where("user_id", "=", before.id).execute();
      await insertGrants(trx, before.id, change.grants);
    }
    if (change.active === false || hash) {
      await trx.deleteFrom("sessions").where("user_id", "=", before.id).execute();
    }
    const [after] = await listUsers(trx, [before.id]);
    await audit(trx, actor, {
      action: hash ? "update_and_reset_password" : "update",
      entity: "user",
      entityId: before.id,
      detail: { before, after },
    });
  });
  const [user] = await listUsers(db, [id]);
  return user!;
}
