import type { z } from "zod";
import type { Actor } from "../infra/audit/audit.ts";
import { auditedWrite } from "../infra/audit/audited-write.ts";
import type { Db } from "../infra/db/database.ts";
import { requireRegion } from "./references.ts";
import { areaRowToArea } from "./repository.ts";
import type { AreaBody } from "./schemas.ts";

/** Create an area in an existing region (400 otherwise), audited with the new row. */
export const createArea = (db: Db, actor: Actor, body: z.infer<typeof AreaBody>) =>
  auditedWrite(db, actor, { action: "create", entity: "area" }, async (trx) => {
    await requireRegion(trx, body.regionId);
    const row = await trx
      .insertInto("areas")
      .values({ region_id: body.regionId, code: body.code, name: body.name })
      .returningAll()
      .executeTakeFirstOrThrow();
    return { result: areaRowToArea(row), entityId: row.id, before: null, after: row };
  });
