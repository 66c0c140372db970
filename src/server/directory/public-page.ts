import type { Actor } from "../infra/audit/audit.ts";
import { auditedWrite } from "../infra/audit/audited-write.ts";
import type { Db } from "../infra/db/database.ts";
import type { Executor } from "../infra/db/executor.ts";
import { notFound } from "../infra/http/errors.ts";
import { listServices, toPublic } from "./repository.ts";
import type { PublicService } from "./schemas.ts";

/** At most this many services on the public page (a region's directory is far smaller). */
export const PUBLIC_LIMIT = 1000;

export async function readSettings(db: Executor, regionId: number) {
  const row = await db
    .selectFrom("directory_settings")
    .select("public_enabled")
    .where("region_id", "=", regionId)
    .executeTakeFirst();
  return { regionId, publicEnabled: row?.public_enabled ?? false };
}

/** Switch a region's public page on or off (administrators; audited). */
export const writeSettings = (db: Db, actor: Actor, regionId: number, publicEnabled: boolean) =>
  auditedWrite(db, actor, { action: "update", entity: "directory_settings" }, async (trx) => {
    const before = await readSettings(trx, regionId);
    await trx
      .insertInto("directory_settings")
      .values({ region_id: regionId, public_enabled: publicEnabled })
      .onConflict((oc) =>
        oc.column("region_id").doUpdateSet({ public_enabled: publicEnabled, updated_at: new Date() }),
      )
      .execute();
    const after = { regionId, publicEnabled };
    return { result: after, entityId: regionId, before, after };
  });

/**
 * The public directory of a region, by its code: its active services without private contacts.
 * An unknown region and a region whose page is off answer the same 404, so the page tells nothing
 * about which regions exist.
 */
export async function publicDirectory(
  db: Executor,
  regionCode: string,
  filter: { sector?: string; q?: string; language?: string },
): Promise<{ region: { code: string; name: string }; services: PublicService[] }> {
  const region = await db
    .selectFrom("regions as r")
    .leftJoin("directory_settings as s", "s.region_id", "r.id")
    .select(["r.id", "r.code", "r.name", "s.public_enabled"])
    .where("r.code", "=", regionCode)
    .executeTakeFirst();
  if (!region?.public_enabled) throw notFound("public directory");
  const services = await listServices(db, { regionId: region.id, ...filter, limit: PUBLIC_LIMIT });
  return { region: { code: region.code, name: region.name }, services: services.map(toPublic) };
}
