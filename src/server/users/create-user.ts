import { sql, type Transaction } from "kysely";
import type { Actor } from "../infra/audit/audit.ts";
import { audit } from "../infra/audit/audit.ts";
import { hashPassword } from "../infra/auth/password.ts";
import type { Db } from "../infra/db/database.ts";
import type { DB } from "../infra/db/schema.ts";
import { AppError, invalid, issuesError } from "../infra/http/errors.ts";

export interface GrantInput {
  role: string;
  programmeId: number | null;
  siteId: number | null;
}

/** Give a user these role grants (rows of user_roles); none, nothing to insert. */
export async function insertGrants(
  trx: Transaction<DB>,
  userId: number,
  grants: GrantInput[],
): Promise<void> {
  if (!grants.length) return;
  await trx
    .insertInto("user_roles")
    .values(
      grants.map((g) => ({ user_id: userId, role: g.role, programme_id: g.programmeId, site_id: g.siteId })),
    )
    .execute();
}

/** Check that every grant's programme and site exist; report each bad one by its index. */
export async function checkGrantReferences(trx: Transaction<DB> | Db, grants: GrantInput[]): Promise<void> {
  const programmeIds = grants.flatMap((g) => (g.programmeId ? [g.programmeId] : []));
  const siteIds = grants.flatMap((g) => (g.siteId ? [g.siteId] : []));
  const [programmes, sites] = await Promise.all([
    programmeIds.length
      ? trx.selectFrom("programmes").select("id").where("id", "in", programmeIds).execute()
      : [],
    siteIds.length ? trx.selectFrom("sites").select("id").where("id", "in", siteIds).execute() : [],
  ]);
  const knownP = new Set(programmes.map((p) => p.id));
  const knownS = new Set(sites.map((s) => s.id));
  const issues = grants.flatMap((g, i) => [
    ...(g.programmeId && !knownP.has(g.programmeId)
      ? [{ field: `body.grants.${i}.programmeId`, rule: "reference", message: "no such programme" }]
      : []),
    ...(g.siteId && !knownS.has(g.siteId)
      ? [{ field: `body.grants.${i}.siteId`, rule: "reference", message: "no such site" }]
      : []),
  ]);
  if (issues.length) throw issuesError(issues);
}

/** Create a user with roles, in one transaction, audited. Used by the API, the CLI and the demo. */
export async function createUser(
  db: Db,
  actor: Actor,
  input: {
    username: string;
    displayName?: string;
    password: string;
    grants: GrantInput[];
    mustChangePassword?: boolean;
  },
): Promise<number> {
  const hash = await hashPassword(input.password);
  return db.transaction().execute(async (trx) => {
    const taken = await trx
      .selectFrom("users")
      .select("id")
      .where(sql`lower(username)`, "=", input.username.toLowerCase())
      .executeTakeFirst();
    if (taken)
      throw new AppError("conflict", "username is taken", [
        { field: "body.username", rule: "unique", message: "is taken" },
      ]);
    await checkGrantReferences(trx, input.grants);
    const user = await trx
      .insertInto("users")
      .values({
        username: input.username,
        display_name: input.displayName ?? "",
        password_hash: hash,
        must_change_password: input.mustChangePassword ?? false,
      })
      .returning(["id", "username", "display_name"])
      .executeTakeFirstOrThrow();
    await insertGrants(trx, user.id, input.grants);
    await audit(trx, actor, {
      action: "create",
      entity: "user",
      entityId: user.id,
      detail: { before: null, after: { ...user, grants: input.grants } },
    });
    return user.id;
  });
}

export function assertNotLastAdmin(remainingAdmins: number): void {
  if (remainingAdmins < 1)
    throw invalid("body.grants", "last_administrator", "the last active administrator cannot lose that role");
}
