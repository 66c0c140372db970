import type { z } from "zod";
import type { Actor } from "../infra/audit/audit.ts";
import { auditedWrite } from "../infra/audit/audited-write.ts";
import type { Db } from "../infra/db/database.ts";
import { checkReferences } from "./check-fields.ts";
import { fieldsToColumns, findService, replaceAreas } from "./repository.ts";
import type { DirectoryService, ServiceBody } from "./schemas.ts";

/** Add a service to a region's directory, with its areas, audited in one transaction. */
export const createService = (db: Db, actor: Actor, body: z.infer<typeof ServiceBody>) =>
  auditedWrite(db, actor, { action: "create", entity: "directory_service" }, async (trx) => {
    const { regionId, areaIds, ...fields } = body;
    await checkReferences(trx, regionId, { code: fields.code, areaIds }, null);
    const row = await trx
      .insertInto("directory_services")
      .values({ region_id: regionId, ...fieldsToColumns({ ...fields, areaIds }) })
      .returning("id")
      .executeTakeFirstOrThrow();
    await replaceAreas(trx, new Map([[row.id, areaIds]]));
    const after = (await findService(trx, row.id)) as DirectoryService;
    return { result: after, entityId: row.id, before: null, after };
  });
