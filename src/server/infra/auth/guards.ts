import type { FastifyRequest } from "fastify";
import { AppError, type ForbiddenReason } from "../http/errors.ts";
import { isAdmin } from "./access.ts";
import { principalOf } from "./plugin.ts";
import type { Principal } from "./principal.ts";

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
