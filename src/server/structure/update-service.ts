import type { z } from "zod";
import type { Actor } from "../infra/audit/audit.ts";
import { auditedWrite } from "../infra/audit/audited-write.ts";
import type { Db } from "../infra/db/database.ts";
import { notFound } from "../infra/http/errors.ts";
import { findService, serviceRowToService } from "./repository.ts";
import type { ServicePatch } from "./schemas.ts";

/** Change a service (name, kind), audited with the row before and after and its site; 404 if unknown. */
export const updateService = (db: Db, actor: Actor, id: number, body: z.infer<typeof ServicePatch>) =>
  auditedWrite(db, actor, { action: "update", entity: "service" }, async (trx) => {
    const before = await findService(trx, id);
    if (!before) throw notFound("service");
    const row = await trx
      .updateTable("services")
      .set({ name: body.name, kind: body.kind })
      .where("id", "=", before.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    return { result: serviceRowToService(row), entityId: row.id, siteId: row.site_id, before, after: row };
  });
