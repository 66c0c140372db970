import type { z } from "zod";
import { audit } from "../infra/audit/audit.ts";
import type { Principal } from "../infra/auth/principal.ts";
import type { Db } from "../infra/db/database.ts";
import { describeMe } from "./describe-me.ts";
import type { PreferencesBody } from "./schemas.ts";

/** Change my language or display name, audited with before and after; answers the new shell. */
export async function updatePreferences(db: Db, p: Principal, body: z.infer<typeof PreferencesBody>) {
  const patch = { language: body.language, display_name: body.displayName };
  await db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom("users")
      .select(["language", "display_name"])
      .where("id", "=", p.userId)
      .executeTakeFirstOrThrow();
    await trx.updateTable("users").set(patch).where("id", "=", p.userId).execute();
    await audit(
      trx,
      { id: p.userId, name: p.username },
      {
        action: "update",
        entity: "user",
        entityId: p.userId,
        detail: { before, after: { ...before, ...JSON.parse(JSON.stringify(patch)) } },
      },
    );
  });
  return describeMe(db, {
    ...p,
    language: body.language ?? p.language,
    displayName: body.displayName ?? p.displayName,
  });
}
