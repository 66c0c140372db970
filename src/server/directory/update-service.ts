import type { z } from "zod";
import { staleVersion } from "../core/stale-version.ts";
import type { Actor } from "../infra/audit/audit.ts";
import { auditedWrite } from "../infra/audit/audited-write.ts";
import type { Db } from "../infra/db/database.ts";
import type { Executor } from "../infra/db/executor.ts";
import { notFound } from "../infra/http/errors.ts";
import { checkReferences } from "./check-fields.ts";
import { fieldsToColumns, findService, replaceAreas } from "./repository.ts";
import type { DirectoryService, ServiceFields, ServicePatch } from "./schemas.ts";

/** The service's current fields, the starting point of a partial change. */
const fieldsOf = (s: DirectoryService): ServiceFields => ({
  code: s.code,
  name: s.name,
  sector: s.sector,
  description: s.description,
  areaIds: s.areas.map((a) => a.id),
  eligibility: s.eligibility,
  referralRoute: s.referralRoute,
  referralHow: s.referralHow,
  phone: s.phone,
  phonePrivate: s.phonePrivate,
  email: s.email,
  emailPrivate: s.emailPrivate,
  web: s.web,
  webPrivate: s.webPrivate,
  openingHours: s.openingHours,
  languages: s.languages,
});

/** The service, locked for the change, once it exists and `baseVersion` is its version (else 404 / 409). */
async function lockCurrent(trx: Executor, id: number, baseVersion: number): Promise<DirectoryService> {
  const locked = await trx
    .selectFrom("directory_services")
    .select("version")
    .where("id", "=", id)
    .forUpdate()
    .executeTakeFirst();
  if (!locked) throw notFound("service");
  if (locked.version !== baseVersion) throw staleVersion("service", locked.version, baseVersion);
  return (await findService(trx, id)) as DirectoryService;
}

/**
 * Change a service: the fields sent replace the stored ones; a stale `baseVersion` answers 409 and
 * stores nothing. The region is the one checked by the route (`regionId`).
 */
export const updateService = (
  db: Db,
  actor: Actor,
  id: number,
  regionId: number,
  patch: z.infer<typeof ServicePatch>,
) =>
  auditedWrite(db, actor, { action: "update", entity: "directory_service" }, async (trx) => {
    const { baseVersion, active, ...changes } = patch;
    const before = await lockCurrent(trx, id, baseVersion);
    const next: ServiceFields = { ...fieldsOf(before), ...stripUndefined(changes) };
    await checkReferences(trx, regionId, { code: changes.code, areaIds: changes.areaIds }, id);
    await trx
      .updateTable("directory_services")
      .set({
        ...fieldsToColumns(next),
        ...(active === undefined ? {} : { active }),
        version: before.version + 1,
        updated_at: new Date(),
      })
      .where("id", "=", id)
      .execute();
    if (changes.areaIds) await replaceAreas(trx, new Map([[id, changes.areaIds]]));
    const after = (await findService(trx, id)) as DirectoryService;
    return { result: after, entityId: id, before, after };
  });

/** Take a service out of the directory (kept, marked inactive; an update can bring it back). */
export const deactivateService = (db: Db, actor: Actor, id: number, baseVersion: number) =>
  auditedWrite(db, actor, { action: "deactivate", entity: "directory_service" }, async (trx) => {
    const before = await lockCurrent(trx, id, baseVersion);
    await trx
      .updateTable("directory_services")
      .set({ active: false, version: before.version + 1, updated_at: new Date() })
      .where("id", "=", id)
      .execute();
    const after = (await findService(trx, id)) as DirectoryService;
    return { result: after, entityId: id, before, after };
  });

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
