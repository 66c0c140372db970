import type { FastifyInstance, FastifyRequest } from "fastify";
import { AppError } from "../http/errors.ts";
import type { Principal } from "./principal.ts";
import type { PrincipalResolver } from "./session-resolver.ts";
import { SESSION_COOKIE } from "./sessions.ts";

declare module "fastify" {
  interface FastifyInstance {
    /** Resolves session tokens through the per-process cache. */
    sessions: PrincipalResolver;
  }
  interface FastifyRequest {
    principal: Principal | null;
    /** When the request reached the auth hook (`performance.now()`): see TableCache. */
    arrivedAt: number;
  }
  interface FastifyContextConfig {
    /** The route answers without a session (login, health, docs). */
    public?: boolean;
    /**
     * The route answers a user who must change the password first (the change itself, GET/PATCH
     * /api/me, logout); every other one answers 403 `password_change_required`.
     */
    beforePasswordChange?: boolean;
  }
}

const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);
export const CSRF_HEADER = "x-csrf-token";

/**
 * Authentication for every /api route: resolves the session cookie to a principal, refuses
 * anonymous calls with 401 unless the route is public, and checks the CSRF token (sent by the
 * web app in a header, compared to the session's) on every state-changing request. Sessions
 * resolve through the per-process cache (session-resolver.ts).
 */
export function installAuth(app: FastifyInstance, sessions: PrincipalResolver): void {
  app.decorate("sessions", sessions);
  app.decorateRequest("principal", null);
  app.decorateRequest("arrivedAt", 0);
  app.addHook("onRequest", async (req: FastifyRequest) => {
    if (!req.url.startsWith("/api/")) return;
    req.arrivedAt = performance.now();
    const token = req.cookies[SESSION_COOKIE];
    req.principal = token ? await sessions.resolve(token, req.arrivedAt) : null;
    if (req.routeOptions.config?.public) return;
    if (!req.principal) throw new AppError("unauthenticated", "log in first: no valid session");
    if (UNSAFE.has(req.method) && req.headers[CSRF_HEADER] !== req.principal.csrfToken) {
      throw new AppError("forbidden", `missing or wrong ${CSRF_HEADER} header`, [], {}, "csrf");
    }
    if (req.principal.mustChangePassword && !req.routeOptions.config?.beforePasswordChange) {
      throw new AppError(
        "password_change_required",
        "change your password first (POST /api/me/password): it was set by an administrator",
      );
    }
  });
}

/** The principal of an authenticated route (installAuth guarantees it). */
export function principalOf(req: FastifyRequest): Principal {
  if (!req.principal) throw new AppError("unauthenticated", "log in first: no valid session");
  return req.principal;
}
