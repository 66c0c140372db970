import { z } from "zod";
import type { AppContext, ZodApp } from "../context.ts";
import { audit } from "../infra/audit/audit.ts";
import { principalOf } from "../infra/auth/plugin.ts";
import { deleteSession, SESSION_COOKIE } from "../infra/auth/sessions.ts";
import { changePassword } from "./change-password.ts";
import { describeMe } from "./describe-me.ts";
import { logIn } from "./log-in.ts";
import { LoginBody, Me, PasswordChangeBody, PreferencesBody } from "./schemas.ts";
import { updatePreferences } from "./update-preferences.ts";

const Ok = z.object({ ok: z.literal(true) });
const tags = ["accounts"];

/**
 * Sessions and my account: log in (log-in.ts), log out, who I am (describe-me.ts), my
 * preferences (update-preferences.ts) and my password (change-password.ts). Everything but log in
 * is for a signed-in user; log out and the "me" routes stay open to a user who must change their
 * password first.
 */
export function registerAccountRoutes(app: ZodApp, { database, config }: AppContext): void {
  const { db } = database;
  const policy = { idleMinutes: config.sessionIdleMinutes, maxHours: config.sessionMaxHours };

  app.post(
    "/api/session",
    {
      config: { public: true },
      schema: { tags, summary: "Log in", body: LoginBody, response: { 200: Me } },
    },
    async (req, reply) => logIn(db, reply, req.body, req.ip, { policy, secureCookies: config.secureCookies }),
  );

  app.delete(
    "/api/session",
    {
      config: { beforePasswordChange: true },
      schema: { tags, summary: "Log out", response: { 200: Ok } },
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
      schema: { tags, summary: "The current user, grants, programmes and sites", response: { 200: Me } },
    },
    async (req) => describeMe(db, principalOf(req)),
  );

  app.patch(
    "/api/me",
    {
      config: { beforePasswordChange: true },
      schema: {
        tags,
        summary: "Change my language or display name",
        body: PreferencesBody,
        response: { 200: Me },
      },
    },
    async (req) => updatePreferences(db, principalOf(req), req.body),
  );

  app.post(
    "/api/me/password",
    {
      config: { beforePasswordChange: true },
      schema: {
        tags,
        summary: "Change my password (ends my other sessions)",
        body: PasswordChangeBody,
        response: { 200: Ok },
      },
    },
    async (req) => {
      await changePassword(db, principalOf(req), req.body);
      return { ok: true as const };
    },
  );
}
