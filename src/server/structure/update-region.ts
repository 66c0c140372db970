import type { z } from "zod";
import type { Actor } from "../infra/audit/audit.ts";
import { auditedWrite } from "../infra/audit/audited-write.ts";
import type { Db } from "../infra/db/database.ts";
import { notFound } from "../infra/http/errors.ts";
import { findRegion, regionRowToRegion } from "./repository.ts";
import type { RegionPatch } from "./schemas.ts";

/** Rename a region (administrators), audited with the row before and after; 404 if unknown. */
export const updateRegion = (db: Db, actor: Actor, id: number, body: z.infer<typeof RegionPatch>) =>
  auditedWrite(db, actor, { action: "update", entity: "region" }, async (trx) => {
    const before = await findRegion(trx, id);
    if (!before) throw notFound("region");
    const row = await trx
      .updateTable("regions")
      .set(body)
      .where("id", "=", before.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    return { result: regionRowToRegion(row), entityId: row.id, before, after: row };
  });
