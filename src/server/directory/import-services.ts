import { sql } from "kysely";
import { type Actor, audit } from "../infra/audit/audit.ts";
import type { Db } from "../infra/db/database.ts";
import { readServicesCsv } from "./csv.ts";
import { fieldsToColumns, listServices, regionAreas, replaceAreas } from "./repository.ts";
import type { DirectoryService, ImportResult, ServiceFields } from "./schemas.ts";

/** Whether a stored service already holds exactly these values (then the import leaves it alone). */
function same(s: DirectoryService, f: ServiceFields, active: boolean): boolean {
  const areaIds = s.areas.map((a) => a.id).sort((a, b) => a - b);
  const wanted = [...f.areaIds].sort((a, b) => a - b);
  return (
    s.name === f.name &&
    s.sector === f.sector &&
    s.description === f.description &&
    s.eligibility === f.eligibility &&
    s.referralRoute === f.referralRoute &&
    s.referralHow === f.referralHow &&
    s.phone === f.phone &&
    s.phonePrivate === f.phonePrivate &&
    s.email === f.email &&
    s.emailPrivate === f.emailPrivate &&
    s.web === f.web &&
    s.webPrivate === f.webPrivate &&
    s.openingHours === f.openingHours &&
    s.languages.join(";") === f.languages.join(";") &&
    s.active === active &&
    areaIds.join(",") === wanted.join(",")
  );
}

/**
 * Import a region's services from CSV, all-or-nothing: any problem rejects the whole file and the
 * answer lists every one (`file:line: column: message`); nothing is written. Otherwise rows are
 * keyed by code: a new code is added, an existing one replaced wholesale (its version goes up),
 * an identical one left alone; services absent from the file are untouched. One transaction,
 * one audit entry, set-based statements.
 */
export async function importServices(
  db: Db,
  actor: Actor,
  regionId: number,
  file: string,
  text: string,
): Promise<ImportResult> {
  return db.transaction().execute(async (trx) => {
    // Serialise imports of one region: two at once would both take a code as new.
    await sql`select id from regions where id = ${regionId} for update`.execute(trx);
    const areas = await regionAreas(trx, regionId);
    const { rows, problems } = readServicesCsv(file, text, new Map(areas.map((a) => [a.code, a.id])));
    if (problems.length)
      return { status: "rejected" as const, rows: 0, inserted: 0, updated: 0, unchanged: 0, problems };

    const existing = new Map(
      (await listServices(trx, { regionId, includeInactive: true, limit: 1_000_000 })).map((s) => [
        s.code,
        s,
      ]),
    );
    const changed = rows.filter((r) => {
      const s = existing.get(r.fields.code);
      return !s || !same(s, r.fields, r.active);
    });
    const inserted = changed.filter((r) => !existing.has(r.fields.code)).length;
    const updated = changed.length - inserted;
    if (changed.length) {
      const written = await trx
        .insertInto("directory_services")
        .values(changed.map((r) => ({ region_id: regionId, ...fieldsToColumns(r.fields), active: r.active })))
        .onConflict((oc) =>
          oc.columns(["region_id", "code"]).doUpdateSet((eb) => ({
            name: eb.ref("excluded.name"),
            sector: eb.ref("excluded.sector"),
            description: eb.ref("excluded.description"),
            eligibility: eb.ref("excluded.eligibility"),
            referral_route: eb.ref("excluded.referral_route"),
            referral_how: eb.ref("excluded.referral_how"),
            phone: eb.ref("excluded.phone"),
            phone_private: eb.ref("excluded.phone_private"),
            email: eb.ref("excluded.email"),
            email_private: eb.ref("excluded.email_private"),
            web: eb.ref("excluded.web"),
            web_private: eb.ref("excluded.web_private"),
            opening_hours: eb.ref("excluded.opening_hours"),
            languages: eb.ref("excluded.languages"),
            active: eb.ref("excluded.active"),
            version: sql<number>`directory_services.version + 1`,
            updated_at: sql<Date>`now()`,
          })),
        )
        .returning(["id", "code"])
        .execute();
      const areasByCode = new Map(changed.map((r) => [r.fields.code, r.fields.areaIds]));
      await replaceAreas(trx, new Map(written.map((w) => [w.id, areasByCode.get(w.code) ?? []])));
    }
    await audit(trx, actor, {
      action: "import",
      entity: "directory_service",
      entityId: null,
      detail: {
        regionId,
        file,
        rows: rows.length,
        inserted: changed.filter((r) => !existing.has(r.fields.code)).map((r) => r.fields.code),
        updated: changed.filter((r) => existing.has(r.fields.code)).map((r) => r.fields.code),
      },
    });
    return {
      status: "done" as const,
      rows: rows.length,
      inserted,
      updated,
      unchanged: rows.length - changed.length,
      problems: [],
    };
  });
}
