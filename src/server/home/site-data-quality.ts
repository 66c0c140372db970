import { assertSiteReadable } from "../core/access/patients.ts";
import { audit } from "../infra/audit/audit.ts";
import { actorOf } from "../infra/audit/audited-write.ts";
import type { Principal } from "../infra/auth/principal.ts";
import type { Db } from "../infra/db/database.ts";
import { notFound } from "../infra/http/errors.ts";
import { DATA_QUALITY_LIMIT, dataQualityRecords } from "./data-quality.ts";

/**
 * One site's records to complete (patient-level: the route lets in registry users only): 404 for
 * an unknown site, 403 `not_your_site` outside the user's sites; the read is audited with the
 * totals and every patient it names.
 */
export async function siteDataQuality(db: Db, p: Principal, siteId: number) {
  const site = await db
    .selectFrom("sites")
    .select(["id", "code", "name"])
    .where("id", "=", siteId)
    .executeTakeFirst();
  if (!site) throw notFound("site");
  assertSiteReadable(p, site.id);
  const records = await dataQualityRecords(db, site);
  const patientIds = [
    ...new Set(Object.values(records).flatMap((l) => l.items.map((i) => i.patientId))),
  ].sort((a, b) => a - b);
  await audit(db, actorOf(p), {
    action: "read",
    entity: "data_quality",
    entityId: site.id,
    siteId: site.id,
    programmeId: null,
    detail: {
      totals: Object.fromEntries(Object.entries(records).map(([k, l]) => [k, l.total])),
      patientIds,
    },
  });
  return { site, limit: DATA_QUALITY_LIMIT, ...records };
}
