import type { z } from "zod";
import { audit } from "../infra/audit/audit.ts";
import { hashPassword, passwordProblem, verifyPassword } from "../infra/auth/password.ts";
import type { Principal } from "../infra/auth/principal.ts";
import { forgiveAttempt, LOGIN_LIMITS, reserveAttempt } from "../infra/auth/rate-limit.ts";
import type { Db } from "../infra/db/database.ts";
import { AppError } from "../infra/http/errors.ts";
import type { PasswordChangeBody } from "./schemas.ts";

/**
 * Change my password: the new one must pass the password rules and differ from the current one
 * and the username; the current one is checked and throttled like a login (a stolen session must
 * not be a way to guess it). My other sessions end in the same transaction; audited.
 */
export async function changePassword(db: Db, p: Principal, body: z.infer<typeof PasswordChangeBody>) {
  const sameAsUsername = passwordProblem(body.newPassword, p.username);
  if (sameAsUsername) {
    throw new AppError("validation", `newPassword: ${sameAsUsername.message}`, [
      { field: "body.newPassword", rule: sameAsUsername.rule, message: sameAsUsername.message },
    ]);
  }
  const reservation = await reserveAttempt(db, [
    { key: `password:user:${p.userId}`, limit: LOGIN_LIMITS.user },
  ]);
  if (!reservation) {
    throw new AppError(
      "rate_limited",
      "too many wrong current passwords; wait 15 minutes and try again",
      [],
      {
        "retry-after": "900",
      },
    );
  }
  const user = await db
    .selectFrom("users")
    .select("password_hash")
    .where("id", "=", p.userId)
    .executeTakeFirstOrThrow();
  if (!(await verifyPassword(body.currentPassword, user.password_hash))) {
    throw new AppError("validation", "currentPassword: does not match", [
      { field: "body.currentPassword", rule: "mismatch", message: "does not match your current password" },
    ]);
  }
  await forgiveAttempt(db, reservation);
  if (body.newPassword === body.currentPassword) {
    throw new AppError("validation", "newPassword: must differ from the current one", [
      { field: "body.newPassword", rule: "unchanged", message: "must differ from the current password" },
    ]);
  }
  const hash = await hashPassword(body.newPassword);
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable("users")
      .set({ password_hash: hash, must_change_password: false })
      .where("id", "=", p.userId)
      .execute();
    await trx
      .deleteFrom("sessions")
      .where("user_id", "=", p.userId)
      .where("id_hash", "!=", p.sessionIdHash)
      .execute();
    await audit(
      trx,
      { id: p.userId, name: p.username },
      { action: "password_change", entity: "user", entityId: p.userId },
    );
  });
}
