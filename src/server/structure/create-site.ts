import type { z } from "zod";
import type { Actor } from "../infra/audit/audit.ts";
import { auditedWrite } from "../infra/audit/audited-write.ts";
import type { Db } from "../infra/db/database.ts";
import { areaOfRegion, requireRegion } from "./references.ts";
import { siteRowToSite } from "./repository.ts";
import type { SiteBody } from "./schemas.ts";

/** Create a site in an existing region, in an area of that region if one is named (400 otherwise), audited. */
export const createSite = (db: Db, actor: Actor, body: z.infer<typeof SiteBody>) =>
  auditedWrite(db, actor, { action: "create", entity: "site" }, async (trx) => {
    await requireRegion(trx, body.regionId);
    const areaId = body.areaId ?? null;
    if (areaId !== null) await areaOfRegion(trx, areaId, body.regionId);
    const row = await trx
      .insertInto("sites")
      .values({ region_id: body.regionId, area_id: areaId, code: body.code, name: body.name })
      .returningAll()
      .executeTakeFirstOrThrow();
    return { result: siteRowToSite(row), entityId: row.id, siteId: row.id, before: null, after: row };
  });
