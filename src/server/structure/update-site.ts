import type { z } from "zod";
import type { Actor } from "../infra/audit/audit.ts";
import { auditedWrite } from "../infra/audit/audited-write.ts";
import type { Db } from "../infra/db/database.ts";
import { notFound } from "../infra/http/errors.ts";
import { areaOfRegion } from "./references.ts";
import { findSite, siteRowToSite } from "./repository.ts";
import type { SitePatch } from "./schemas.ts";

/** Change a site (name, an area of the site's region), audited with the row before and after; 404 if unknown. */
export const updateSite = (db: Db, actor: Actor, id: number, body: z.infer<typeof SitePatch>) =>
  auditedWrite(db, actor, { action: "update", entity: "site" }, async (trx) => {
    const before = await findSite(trx, id);
    if (!before) throw notFound("site");
    if (body.areaId) await areaOfRegion(trx, body.areaId, before.region_id);
    const row = await trx
      .updateTable("sites")
      .set({ name: body.name, area_id: body.areaId })
      .where("id", "=", before.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    return { result: siteRowToSite(row), entityId: row.id, siteId: row.id, before, after: row };
  });
