import type { z } from "zod";
import type { Actor } from "../infra/audit/audit.ts";
import { auditedWrite } from "../infra/audit/audited-write.ts";
import type { Db } from "../infra/db/database.ts";
import { invalid } from "../infra/http/errors.ts";
import { findSite, serviceRowToService } from "./repository.ts";
import type { ServiceBody } from "./schemas.ts";

/** Create a service at an existing site (400 otherwise), audited with the site. */
export const createService = (db: Db, actor: Actor, body: z.infer<typeof ServiceBody>) =>
  auditedWrite(db, actor, { action: "create", entity: "service" }, async (trx) => {
    if (!(await findSite(trx, body.siteId))) throw invalid("body.siteId", "reference", "no such site");
    const row = await trx
      .insertInto("services")
      .values({ site_id: body.siteId, code: body.code, name: body.name, kind: body.kind })
      .returningAll()
      .executeTakeFirstOrThrow();
    return {
      result: serviceRowToService(row),
      entityId: row.id,
      siteId: row.site_id,
      before: null,
      after: row,
    };
  });
