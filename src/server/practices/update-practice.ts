import type { z } from "zod";
import { staleVersion } from "../core/stale-version.ts";
import { actorOf, auditedWrite } from "../infra/audit/audited-write.ts";
import type { Principal } from "../infra/auth/principal.ts";
import type { Db } from "../infra/db/database.ts";
import { notFound } from "../infra/http/errors.ts";
import { assertDefinitionValid } from "./definition-rules.ts";
import { findPractice, lockPractice } from "./repository.ts";
import type { PracticeUpdate } from "./schemas.ts";

/**
 * Save a new version of a practice's definition (access checked by the route): never rewrites an
 * old version, so programmes keep the version they implement. Optimistic locking on
 * `baseVersion` (409 `stale_version`); the definition's codes are checked (400).
 */
export async function updatePractice(db: Db, p: Principal, id: number, body: z.infer<typeof PracticeUpdate>) {
  const { name, definition, baseVersion } = body;
  return auditedWrite(db, actorOf(p), { action: "update", entity: "practice" }, async (trx) => {
    const locked = await lockPractice(trx, id);
    if (!locked) throw notFound("practice");
    if (locked.current_version !== baseVersion)
      throw staleVersion("practice", locked.current_version, baseVersion);
    assertDefinitionValid(definition);
    const before = (await findPractice(trx, locked.id))!;
    const version = locked.current_version + 1;
    await trx
      .insertInto("practice_versions")
      .values({
        practice_id: locked.id,
        version,
        definition: JSON.stringify(definition),
        created_by: p.userId,
      })
      .execute();
    await trx
      .updateTable("practices")
      .set({ current_version: version, ...(name === undefined ? {} : { name }) })
      .where("id", "=", locked.id)
      .execute();
    const after = (await findPractice(trx, locked.id))!;
    return { result: after, entityId: locked.id, before, after };
  });
}
