import { createHash, randomBytes } from "node:crypto";
import { sql } from "kysely";
import type { Db } from "../db/database.ts";
import { precompiled } from "../db/precompiled.ts";
import type { Principal, RoleGrant } from "./principal.ts";
import { type SessionEntry, TOUCH_AFTER_MS } from "./principal-cache.ts";

type GrantRow = RoleGrant;

export const SESSION_COOKIE = "praxis_session";

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export interface SessionPolicy {
  idleMinutes: number;
  maxHours: number;
}

/** Create a session; returns the raw token for the cookie (only its hash is stored). */
export async function createSession(db: Db, userId: number, policy: SessionPolicy) {
  const token = randomBytes(32).toString("base64url");
  const csrfToken = randomBytes(24).toString("base64url");
  const now = Date.now();
  await db
    .insertInto("sessions")
    .values({
      id_hash: hashToken(token),
      user_id: userId,
      csrf_token: csrfToken,
      last_seen_at: new Date(now),
      expires_at: new Date(now + policy.maxHours * 3600_000),
    })
    .execute();
  return { token, csrfToken };
}

/**
 * The one query behind every session lookup, built once: the session, its user, the user's
 * grants and the sites of the programmes the user coordinates, in one round trip.
 */
const sessionQuery = precompiled(["idHash"], (db, p) =>
  db
    .selectFrom("sessions as s")
    .innerJoin("users as u", "u.id", "s.user_id")
    .select([
      "s.csrf_token",
      "s.last_seen_at",
      "s.expires_at",
      "u.id as user_id",
      "u.username",
      "u.display_name",
      "u.language",
      "u.active",
      "u.must_change_password",
      sql<
        GrantRow[]
      >`coalesce((select json_agg(json_build_object('id', r.id, 'role', r.role, 'programmeId', r.programme_id, 'siteId', r.site_id) order by r.id) from user_roles r where r.user_id = u.id), '[]'::json)`.as(
        "grants",
      ),
      sql<
        number[]
      >`coalesce((select json_agg(distinct ps.site_id) from programme_sites ps join user_roles r on r.programme_id = ps.programme_id and r.role = 'regional_coordinator' where r.user_id = u.id), '[]'::json)`.as(
        "coordinated_sites",
      ),
    ])
    .where("s.id_hash", "=", p.idHash),
);

/**
 * Look a session up in the database by its token's hash: null when unknown, expired (absolute
 * or idle) or its user was deactivated — an expired session is deleted. Refreshes
 * `last_seen_at` when it is more than a minute old. The principal is frozen: it may be cached
 * and shared by concurrent requests.
 */
export async function lookupSession(
  db: Db,
  idHash: string,
  policy: SessionPolicy,
): Promise<SessionEntry | null> {
  const row = (await sessionQuery(db, { idHash })).rows[0];
  if (!row) return null;
  const now = Date.now();
  let lastSeenAt = new Date(row.last_seen_at).getTime();
  const expiresAt = new Date(row.expires_at).getTime();
  if (!row.active || now >= expiresAt || now - lastSeenAt > policy.idleMinutes * 60_000) {
    await deleteSession(db, idHash);
    return null;
  }
  if (now - lastSeenAt > TOUCH_AFTER_MS) {
    await touchSession(db, idHash, now);
    lastSeenAt = now;
  }
  const principal: Principal = {
    userId: row.user_id,
    username: row.username,
    displayName: row.display_name,
    language: row.language,
    mustChangePassword: row.must_change_password,
    grants: Object.freeze(row.grants.map((g) => Object.freeze(g))) as RoleGrant[],
    coordinatedSiteIds: Object.freeze(row.coordinated_sites) as number[],
    csrfToken: row.csrf_token,
    sessionIdHash: idHash,
  };
  return { principal: Object.freeze(principal), expiresAt, lastSeenAt };
}

/** Record that a session was used now (its idle expiry restarts); not an auth event. */
export async function touchSession(db: Db, idHash: string, now: number): Promise<void> {
  await db
    .updateTable("sessions")
    .set({ last_seen_at: new Date(now) })
    .where("id_hash", "=", idHash)
    .execute();
}

/** Resolve a session token to a principal straight from the database (see lookupSession). */
export async function loadPrincipal(db: Db, token: string, policy: SessionPolicy): Promise<Principal | null> {
  return (await lookupSession(db, hashToken(token), policy))?.principal ?? null;
}

export async function deleteSession(db: Db, idHash: string): Promise<void> {
  await db.deleteFrom("sessions").where("id_hash", "=", idHash).execute();
}
