import { staleVersion } from "../core/stale-version.ts";
import type { Actor } from "../infra/audit/audit.ts";
import { auditedWrite } from "../infra/audit/audited-write.ts";
import type { Db } from "../infra/db/database.ts";
import { invalid, notFound } from "../infra/http/errors.ts";
import { findService } from "./repository.ts";
import type { DirectoryService } from "./schemas.ts";

/**
 * Link a service to the site of its region whose staff work for it, or unlink it (null): the
 * staff of that site then read the care and crisis plans patients consented to share with the
 * service (issue 13, part 3). A site of another region is a 400 naming `body.siteId`; a stale
 * `baseVersion` a 409. The service's version moves on; audited with before and after.
 */
export const linkServiceSite = (
  db: Db,
  actor: Actor,
  id: number,
  baseVersion: number,
  siteId: number | null,
) =>
  auditedWrite(db, actor, { action: "update", entity: "directory_service" }, async (trx) => {
    const locked = await trx
      .selectFrom("directory_services")
      .select(["version", "region_id"])
      .where("id", "=", id)
      .forUpdate()
      .executeTakeFirst();
    if (!locked) throw notFound("service");
    if (locked.version !== baseVersion) throw staleVersion("service", locked.version, baseVersion);
    if (siteId !== null) {
      const site = await trx
        .selectFrom("sites")
        .select("region_id")
        .where("id", "=", siteId)
        .executeTakeFirst();
      if (!site) throw invalid("body.siteId", "reference", "no such site");
      if (site.region_id !== locked.region_id)
        throw invalid("body.siteId", "same_region", "the site must be in the service's region");
    }
    const before = (await findService(trx, id)) as DirectoryService;
    await trx.deleteFrom("directory_service_sites").where("service_id", "=", id).execute();
    if (siteId !== null)
      await trx.insertInto("directory_service_sites").values({ service_id: id, site_id: siteId }).execute();
    await trx
      .updateTable("directory_services")
      .set({ version: locked.version + 1, updated_at: new Date() })
      .where("id", "=", id)
      .execute();
    const after = (await findService(trx, id)) as DirectoryService;
    return { result: after, entityId: id, before, after };
  });
