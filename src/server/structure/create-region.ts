import type { z } from "zod";
import type { Actor } from "../infra/audit/audit.ts";
import { auditedWrite } from "../infra/audit/audited-write.ts";
import type { Db } from "../infra/db/database.ts";
import { regionRowToRegion } from "./repository.ts";
import type { RegionBody } from "./schemas.ts";

/** Create a region (administrators: checked by the route), audited with the new row. */
export const createRegion = (db: Db, actor: Actor, body: z.infer<typeof RegionBody>) =>
  auditedWrite(db, actor, { action: "create", entity: "region" }, async (trx) => {
    const row = await trx.insertInto("regions").values(body).returningAll().executeTakeFirstOrThrow();
    return { result: regionRowToRegion(row), entityId: row.id, before: null, after: row };
  });
