import type { z } from "zod";
import type { Db } from "../infra/db/database.ts";
import type { User } from "./schemas.ts";

type UserOut = z.infer<typeof User>;

/** Users with their grants: two set-based queries, whatever the number of users. */
export async function listUsers(db: Db, ids?: number[]): Promise<UserOut[]> {
  let q = db
    .selectFrom("users")
    .select(["id", "username", "display_name", "active", "must_change_password", "language", "created_at"])
    .orderBy("username");
  if (ids) q = q.where("id", "in", ids.length ? ids : [-1]);
  const users = await q.execute();
  const grants = users.length
    ? await db
        .selectFrom("user_roles")
        .select(["id", "user_id", "role", "programme_id", "site_id"])
        .where(
          "user_id",
          "in",
          users.map((u) => u.id),
        )
        .orderBy("id")
        .execute()
    : [];
  return users.map((u) => ({
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    active: u.active,
    mustChangePassword: u.must_change_password,
    language: u.language,
    createdAt: new Date(u.created_at).toISOString(),
    grants: grants
      .filter((g) => g.user_id === u.id)
      .map((g) => ({ id: g.id, role: g.role, programmeId: g.programme_id, siteId: g.site_id })),
  }));
}
