import type { z } from "zod";
import { actorOf, auditedWrite } from "../infra/audit/audited-write.ts";
import type { Principal } from "../infra/auth/principal.ts";
import type { Db } from "../infra/db/database.ts";
import { conflict } from "../infra/http/errors.ts";
import { assertDefinitionValid } from "./definition-rules.ts";
import { findPractice } from "./repository.ts";
import type { PracticeBody } from "./schemas.ts";

/**
 * Create a practice at version 1 (access checked by the route): the definition's codes are
 * checked (400) and the code is free (409), in one audited transaction.
 */
export async function createPractice(db: Db, p: Principal, body: z.infer<typeof PracticeBody>) {
  const { code, name, definition } = body;
  assertDefinitionValid(definition);
  return auditedWrite(db, actorOf(p), { action: "create", entity: "practice" }, async (trx) => {
    const taken = await trx.selectFrom("practices").select("id").where("code", "=", code).executeTakeFirst();
    if (taken) throw conflict(`a practice with code "${code}" already exists`, "body.code");
    const row = await trx
      .insertInto("practices")
      .values({ code, name, current_version: 1 })
      .returning("id")
      .executeTakeFirstOrThrow();
    await trx
      .insertInto("practice_versions")
      .values({
        practice_id: row.id,
        version: 1,
        definition: JSON.stringify(definition),
        created_by: p.userId,
      })
      .execute();
    const after = (await findPractice(trx, row.id))!;
    return { result: after, entityId: row.id, before: null, after };
  });
}
