import type { FastifyReply } from "fastify";
import type { z } from "zod";
import { audit } from "../infra/audit/audit.ts";
import { DUMMY_HASH, verifyPassword } from "../infra/auth/password.ts";
import { clearFailures, forgiveAttempt, LOGIN_LIMITS, reserveAttempt } from "../infra/auth/rate-limit.ts";
import { createSession, loadPrincipal, SESSION_COOKIE } from "../infra/auth/sessions.ts";
import type { Db } from "../infra/db/database.ts";
import { AppError } from "../infra/http/errors.ts";
import { describeMe } from "./describe-me.ts";
import type { LoginBody } from "./schemas.ts";

export interface SessionPolicy {
  idleMinutes: number;
  maxHours: number;
}

/**
 * Log in: throttled per username and per address (a failure is counted when the attempt is
 * reserved, so parallel guesses cannot overtake the limit), the same answer and the same work
 * (a dummy hash) for an unknown user, a wrong password and a disabled account; audited either
 * way. On success the session cookie is set and the shell's description of the user returned.
 */
export async function logIn(
  db: Db,
  reply: FastifyReply,
  body: z.infer<typeof LoginBody>,
  ip: string,
  options: { policy: SessionPolicy; secureCookies: boolean },
) {
  const { policy } = options;
  const username = body.username.trim().toLowerCase();
  const userKey = `user:${username}`;
  const reservation = await reserveAttempt(db, [
    { key: userKey, limit: LOGIN_LIMITS.user },
    { key: `ip:${ip}`, limit: LOGIN_LIMITS.ip },
  ]);
  if (!reservation) {
    throw new AppError("rate_limited", "too many failed logins; wait 15 minutes and try again", [], {
      "retry-after": "900",
    });
  }
  const user = await db
    .selectFrom("users")
    .select(["id", "username", "password_hash", "active"])
    .where((eb) => eb(eb.fn("lower", ["username"]), "=", username))
    .executeTakeFirst();
  const valid = await verifyPassword(body.password, user?.password_hash ?? DUMMY_HASH);
  if (!user || !valid || !user.active) {
    // The failure was recorded when the attempt was reserved.
    await audit(db, { id: user?.id ?? null, name: username }, { action: "login_failed", entity: "session" });
    throw new AppError("unauthenticated", "wrong username or password");
  }
  await forgiveAttempt(db, reservation);
  await clearFailures(db, userKey);
  const session = await createSession(db, user.id, policy);
  await audit(db, { id: user.id, name: user.username }, { action: "login", entity: "session" });
  reply.setCookie(SESSION_COOKIE, session.token, {
    path: "/",
    httpOnly: true,
    sameSite: "strict",
    secure: options.secureCookies,
    maxAge: policy.maxHours * 3600,
  });
  const principal = await loadPrincipal(db, session.token, policy);
  return describeMe(db, principal!);
}
