import { createHash, randomBytes } from "node:crypto";
import { sql } from "kysely";
import type { Db } from "../db/database.ts";
import type { Principal, RoleGrant } from "./principal.ts";

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
 * Resolve a session token to a principal, or null when unknown, expired (absolute or idle) or
 * the user was deactivated. Refreshes `last_seen_at` at most once a minute.
 */
export async function loadPrincipal(db: Db, token: string, policy: SessionPolicy): Promise<Principal | null> {
  const idHash = hashToken(token);
  // One round trip: the session, its user, the user's grants and the sites of the programmes
  // the user coordinates (every request pays for this, so it stays a single query).
  const row = await db
    .selectFrom("sessions as s")
    .innerJoin("users as u", "u.id", "s.user_id")
    .select([
      "s.id_hash",
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
    .where("s.id_hash", "=", idHash)
    .executeTakeFirst();
  if (!row) return null;
  const now = Date.now();
  const lastSeen = new Date(row.last_seen_at).getTime();
  if (
    !row.active ||
    new Date(row.expires_at).getTime() <= now ||
    now - lastSeen > policy.idleMinutes * 60_000
  ) {
    await db.deleteFrom("sessions").where("id_hash", "=", idHash).execute();
    return null;
  }
  if (now - lastSeen > 60_000) {
    await db
      .updateTable("sessions")
      .set({ last_seen_at: new Date(now) })
      .where("id_hash", "=", idHash)
      .execute();
  }
  return {
    userId: row.user_id,
    username: row.username,
    displayName: row.display_name,
    language: row.language,
    mustChangePassword: row.must_change_password,
    grants: row.grants,
    coordinatedSiteIds: row.coordinated_sites,
    csrfToken: row.csrf_token,
    sessionIdHash: idHash,
  };
}

export async function deleteSession(db: Db, idHash: string): Promise<void> {
  await db.deleteFrom("sessions").where("id_hash", "=", idHash).execute();
}
