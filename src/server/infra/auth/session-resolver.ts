import type { ChangeFeed } from "../db/change-feed.ts";
import type { Database } from "../db/database.ts";
import type { ChannelListener } from "../db/notifications.ts";
import type { Principal } from "./principal.ts";
import { freshness, PrincipalCache, parseAuthEvent } from "./principal-cache.ts";
import { hashToken, lookupSession, type SessionPolicy, touchSession } from "./sessions.ts";

export interface PrincipalResolver {
  /**
   * The principal of a session token, or null (unknown, expired, revoked). `since`: when the
   * request arrived (`performance.now()`); what was committed before then is taken into account.
   */
  resolve(token: string, since?: number): Promise<Principal | null>;
  readonly cache: PrincipalCache;
  readonly listener: ChannelListener;
}

/**
 * Sessions resolved from a per-process cache, kept exact by the `auth` change notifications
 * (migration 0011, infra/db/change-feed.ts):
 *
 * - on PGlite the notification arrives inside the committing query, before anyone else can run
 *   a query: the cache is exact in process;
 * - on PostgreSQL every lookup first passes the listener's barrier (one shared round trip on the
 *   LISTEN connection, see notifications.ts), so a revocation acknowledged anywhere before the
 *   request arrived has been applied to the cache before it is read;
 * - fail closed: while the LISTEN connection is down (or a barrier fails) the cache is emptied
 *   and not used — every request asks the database — until LISTEN is in force again.
 */
export function createPrincipalResolver(
  database: Database,
  feed: ChangeFeed,
  policy: SessionPolicy,
): PrincipalResolver {
  const { db } = database;
  const { listener } = feed;
  const idleMs = policy.idleMinutes * 60_000;
  const cache = new PrincipalCache();
  feed.subscribe("auth", {
    message: (payload) => cache.apply(parseAuthEvent(payload)),
    reset: () => cache.clear(),
  });

  const fromDatabase = async (idHash: string): Promise<Principal | null> => {
    const generation = cache.generation;
    const entry = await lookupSession(db, idHash, policy);
    if (entry && listener.healthy) cache.put(idHash, entry, generation);
    return entry?.principal ?? null;
  };

  return {
    cache,
    listener,
    async resolve(token, since = performance.now()) {
      const idHash = hashToken(token);
      if (!listener.healthy) return (await lookupSession(db, idHash, policy))?.principal ?? null;
      try {
        await listener.barrier(since);
      } catch {
        return (await lookupSession(db, idHash, policy))?.principal ?? null;
      }
      const entry = cache.get(idHash);
      if (!entry) return fromDatabase(idHash);
      const now = Date.now();
      const use = freshness(entry, now, idleMs);
      if (use === "ask-database") return fromDatabase(idHash);
      if (use === "use-and-touch") {
        entry.lastSeenAt = now;
        await touchSession(db, idHash, now);
      }
      return entry.principal;
    },
  };
}
