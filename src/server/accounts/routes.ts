import { z } from "zod";
import type { AppContext, ZodApp } from "../context.ts";
import { audit } from "../infra/audit/audit.ts";
import {
  canEditProgramme,
  canManageSite,
  canReadProgramme,
  canReadSiteData,
  isAdmin,
  readableSites,
} from "../infra/auth/access.ts";
import { DUMMY_HASH, hashPassword, passwordProblem, verifyPassword } from "../infra/auth/password.ts";
import { principalOf } from "../infra/auth/plugin.ts";
import type { Principal } from "../infra/auth/principal.ts";
import { clearFailures, forgiveAttempt, LOGIN_LIMITS, reserveAttempt } from "../infra/auth/rate-limit.ts";
import { createSession, deleteSession, loadPrincipal, SESSION_COOKIE } from "../infra/auth/sessions.ts";
import type { Db } from "../infra/db/database.ts";
import { AppError } from "../infra/http/errors.ts";
import { regionTimeZone } from "../infra/time/civil-date.ts";
import { listProgrammeScopes } from "../programmes/scope-queries.ts";
import { LoginBody, Me, PasswordChangeBody, PreferencesBody } from "./schemas.ts";

const Ok = z.object({ ok: z.literal(true) });

async function describeMe(db: Db, p: Principal): Promise<z.infer<typeof Me>> {
  const programmes = (await listProgrammeScopes(db)).filter((prog) => canReadProgramme(p, prog));
  const readable = readableSites(p);
  const viewerSites = new Set(
    p.grants.some((g) => g.role === "viewer") ? programmes.flatMap((prog) => prog.siteIds) : [],
  );
  const sites = await db.selectFrom("sites").select(["id", "code", "name"]).orderBy("code").execute();
  return {
    id: p.userId,
    username: p.username,
    displayName: p.displayName,
    language: p.language === "it" ? "it" : "en",
    timeZone: regionTimeZone(),
    mustChangePassword: p.mustChangePassword,
    csrfToken: p.csrfToken,
    grants: p.grants,
    isAdmin: isAdmin(p),
    programmes: programmes.map((prog) => ({
      id: prog.id,
      code: prog.code,
      name: prog.name,
      canEdit: canEditProgramme(p, prog.id),
    })),
    sites: sites
      .filter((s) => readable === "all" || readable.has(s.id) || viewerSites.has(s.id))
      .map((s) => ({ ...s, canManage: canManageSite(p, s.id), canReadData: canReadSiteData(p, s.id) })),
  };
}

export function registerAccountRoutes(app: ZodApp, { database, config }: AppContext): void {
  const { db } = database;
  const policy = { idleMinutes: config.sessionIdleMinutes, maxHours: config.sessionMaxHours };

  app.post(
    "/api/session",
    {
      config: { public: true },
      schema: { tags: ["accounts"], summary: "Log in", body: LoginBody, response: { 200: Me } },
    },
    async (req, reply) => {
      const username = req.body.username.trim().toLowerCase();
      const userKey = `user:${username}`;
      const reservation = await reserveAttempt(db, [
        { key: userKey, limit: LOGIN_LIMITS.user },
        { key: `ip:${req.ip}`, limit: LOGIN_LIMITS.ip },
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
      const valid = await verifyPassword(req.body.password, user?.password_hash ?? DUMMY_HASH);
      if (!user || !valid || !user.active) {
        // The failure was recorded when the attempt was reserved.
        await audit(
          db,
          { id: user?.id ?? null, name: username },
          { action: "login_failed", entity: "session" },
        );
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
        secure: config.secureCookies,
        maxAge: policy.maxHours * 3600,
      });
      const principal = await loadPrincipal(db, session.token, policy);
      return describeMe(db, principal!);
    },
  );

  app.delete(
    "/api/session",
    {
      config: { beforePasswordChange: true },
      schema: { tags: ["accounts"], summary: "Log out", response: { 200: Ok } },
    },
    async (req, reply) => {
      const p = principalOf(req);
      await deleteSession(db, p.sessionIdHash);
      await audit(db, { id: p.userId, name: p.username }, { action: "logout", entity: "session" });
      reply.clearCookie(SESSION_COOKIE, { path: "/" });
      return { ok: true as const };
    },
  );

  app.get(
    "/api/me",
    {
      config: { beforePasswordChange: true },
      schema: {
        tags: ["accounts"],
        summary: "The current user, grants, programmes and sites",
        response: { 200: Me },
      },
    },
    async (req) => describeMe(db, principalOf(req)),
  );

  app.patch(
    "/api/me",
    {
      config: { beforePasswordChange: true },
      schema: {
        tags: ["accounts"],
        summary: "Change my language or display name",
        body: PreferencesBody,
        response: { 200: Me },
      },
    },
    async (req) => {
      const p = principalOf(req);
      const patch = { language: req.body.language, display_name: req.body.displayName };
      await db.transaction().execute(async (trx) => {
        const before = await trx
          .selectFrom("users")
          .select(["language", "display_name"])
          .where("id", "=", p.userId)
          .executeTakeFirstOrThrow();
        await trx.updateTable("users").set(patch).where("id", "=", p.userId).execute();
        await audit(
          trx,
          { id: p.userId, name: p.username },
          {
            action: "update",
            entity: "user",
            entityId: p.userId,
            detail: { before, after: { ...before, ...JSON.parse(JSON.stringify(patch)) } },
          },
        );
      });
      return describeMe(db, {
        ...p,
        language: req.body.language ?? p.language,
        displayName: req.body.displayName ?? p.displayName,
      });
    },
  );

  app.post(
    "/api/me/password",
    {
      config: { beforePasswordChange: true },
      schema: {
        tags: ["accounts"],
        summary: "Change my password (ends my other sessions)",
        body: PasswordChangeBody,
        response: { 200: Ok },
      },
    },
    async (req) => {
      const p = principalOf(req);
      const sameAsUsername = passwordProblem(req.body.newPassword, p.username);
      if (sameAsUsername) {
        throw new AppError("validation", `newPassword: ${sameAsUsername.message}`, [
          { field: "body.newPassword", rule: sameAsUsername.rule, message: sameAsUsername.message },
        ]);
      }
      // Throttled like login: a stolen session must not be a way to guess the password.
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
      if (!(await verifyPassword(req.body.currentPassword, user.password_hash))) {
        throw new AppError("validation", "currentPassword: does not match", [
          {
            field: "body.currentPassword",
            rule: "mismatch",
            message: "does not match your current password",
          },
        ]);
      }
      await forgiveAttempt(db, reservation);
      if (req.body.newPassword === req.body.currentPassword) {
        throw new AppError("validation", "newPassword: must differ from the current one", [
          { field: "body.newPassword", rule: "unchanged", message: "must differ from the current password" },
        ]);
      }
      const hash = await hashPassword(req.body.newPassword);
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
          {
            action: "password_change",
            entity: "user",
            entityId: p.userId,
          },
        );
      });
      return { ok: true as const };
    },
  );
}
