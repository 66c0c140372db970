import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Db } from "../db/database.ts";
import { AppError } from "../http/errors.ts";
import type { Principal } from "./principal.ts";
import { loadPrincipal, SESSION_COOKIE, type SessionPolicy } from "./sessions.ts";

declare module "fastify" {
  interface FastifyRequest {
    principal: Principal | null;
  }
  interface FastifyContextConfig {
    /** The route answers without a session (login, health, docs). */
    public?: boolean;
  }
}

const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);
export const CSRF_HEADER = "x-csrf-token";

/**
 * Authentication for every /api route: resolves the session cookie to a principal, refuses
 * anonymous calls with 401 unless the route is public, and checks the CSRF token (sent by the
 * web app in a header, compared to the session's) on every state-changing request.
 */
export function installAuth(app: FastifyInstance, db: Db, policy: SessionPolicy): void {
  app.decorateRequest("principal", null);
  app.addHook("onRequest", async (req: FastifyRequest) => {
    if (!req.url.startsWith("/api/")) return;
    const token = req.cookies[SESSION_COOKIE];
    req.principal = token ? await loadPrincipal(db, token, policy) : null;
    if (req.routeOptions.config?.public) return;
    if (!req.principal) throw new AppError("unauthenticated", "log in first: no valid session");
    if (UNSAFE.has(req.method) && req.headers[CSRF_HEADER] !== req.principal.csrfToken) {
      throw new AppError("forbidden", `missing or wrong ${CSRF_HEADER} header`);
    }
  });
}

/** The principal of an authenticated route (installAuth guarantees it). */
export function principalOf(req: FastifyRequest): Principal {
  if (!req.principal) throw new AppError("unauthenticated", "log in first: no valid session");
  return req.principal;
}
