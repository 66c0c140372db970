import type { FastifyRequest } from "fastify";
import { principalOf } from "../../infra/auth/plugin.ts";
import type { Principal } from "../../infra/auth/principal.ts";
import { AppError, type ForbiddenReason } from "../../infra/http/errors.ts";
import { isAdmin } from "./roles.ts";

/** The principal, if an administrator; otherwise 403. */
export function requireAdmin(req: FastifyRequest): Principal {
  const p = principalOf(req);
  if (!isAdmin(p))
    throw new AppError("forbidden", "only an administrator may do this", [], {}, "administrators_only");
  return p;
}

/** The principal, if `allowed`; otherwise 403 with the reason. */
export function requireThat(
  req: FastifyRequest,
  allowed: (p: Principal) => boolean,
  why: string,
  reason?: ForbiddenReason,
): Principal {
  const p = principalOf(req);
  if (!allowed(p)) throw new AppError("forbidden", why, [], {}, reason);
  return p;
}
