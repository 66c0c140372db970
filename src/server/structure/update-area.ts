import type { z } from "zod";
import type { Actor } from "../infra/audit/audit.ts";
import { auditedWrite } from "../infra/audit/audited-write.ts";
import type { Db } from "../infra/db/database.ts";
import { notFound } from "../infra/http/errors.ts";
import { requireRegion } from "./references.ts";
import { areaRowToArea, findArea } from "./repository.ts";
import type { AreaPatch } from "./schemas.ts";

/** Change an area (name, region: which must exist), audited with the row before and after; 404 if unknown. */
export const updateArea = (db: Db, actor: Actor, id: number, body: z.infer<typeof AreaPatch>) =>
  auditedWrite(db, actor, { action: "update", entity: "area" }, async (trx) => {
    const before = await findArea(trx, id);
    if (!before) throw notFound("area");
    if (body.regionId) await requireRegion(trx, body.regionId);
    const row = await trx
      .updateTable("areas")
      .set({ name: body.name, region_id: body.regionId })
      .where("id", "=", before.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    return { result: areaRowToArea(row), entityId: row.id, before, after: row };
  });
