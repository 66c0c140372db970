import type { FastifyReply, FastifyRequest } from "fastify";
import {
  canEditProgramme,
  canReadProgramme,
  coordinatedProgrammes,
  isAdmin,
  memberSites,
} from "../core/access/roles.ts";
import { principalOf } from "../infra/auth/plugin.ts";
import type { Principal } from "../infra/auth/principal.ts";
import type { Db } from "../infra/db/database.ts";
import { forbidden, notFound } from "../infra/http/errors.ts";
import type { IndicatorCache } from "./read-cache.ts";
import { loadProgrammeContext, type ProgrammeContext } from "./service.ts";

const cannotWrite =
  "only an administrator or a regional coordinator of the programme may change its indicators";

export function seesEverything(p: Principal, ctx: ProgrammeContext): boolean {
  if (isAdmin(p) || coordinatedProgrammes(p).includes(ctx.id)) return true;
  const mine = memberSites(p);
  return ctx.siteIds.some((s) => mine.includes(s));
}

/** Administrators and the programme's regional coordinators change its indicators; 404, 403. */
export async function writeAccess(req: FastifyRequest, db: Db, programmeId: number) {
  const p = principalOf(req);
  const ctx = await loadProgrammeContext(db, programmeId);
  if (!ctx) throw notFound("programme");
  if (!canEditProgramme(p, ctx.id)) throw forbidden(cannotWrite);
  return { p, ctx };
}

export type IndicatorReads = ReturnType<typeof indicatorReads>;

/**
 * The read side of one server: programme views and finished responses kept under the
 * programme's data_version (read-cache.ts, shared with the home page), and who may read what.
 */
export function indicatorReads(cache: IndicatorCache) {
  const { responses } = cache;

  /**
   * Who may read a programme's indicators, and how: administrators, its regional coordinators
   * and the users of its sites (registered, or with enrolments in it) see every number; viewers
   * see aggregates with small cells suppressed. Anyone else: 403. Unknown programme: 404.
   */
  async function readAccess(req: FastifyRequest, programmeId: number) {
    const p = principalOf(req);
    const found = await cache.view(req, programmeId);
    if (!found) throw notFound("programme");
    const { view, viewKey } = found;
    const { ctx } = view;
    if (!canReadProgramme(p, { id: ctx.id, siteIds: ctx.siteIds })) {
      throw forbidden("you may read the indicators only of a programme you work in", "not_your_programme");
    }
    const suppress = !seesEverything(p, ctx);
    /** A response memo key for this programme, version and reader class. */
    const key = (...parts: Array<string | number | undefined>) =>
      [viewKey, suppress ? "v" : "f", ...parts.map((x) => x ?? "")].join("|");
    return { p, view, ctx, suppress, key };
  }

  /** The memoized JSON for `key`, or compute the body, serialize it through `schema` and keep it. */
  async function memoJson<T>(
    reply: FastifyReply,
    key: string,
    schema: { parse(v: unknown): T },
    compute: () => Promise<unknown>,
  ) {
    let json = responses.get(key);
    if (json === undefined) {
      json = Buffer.from(JSON.stringify(schema.parse(await compute())), "utf8");
      responses.set(key, json);
    }
    // already serialized through its response schema
    return reply.type("application/json; charset=utf-8").send(json as never);
  }

  return { readAccess, memoJson };
}
