import type { ProgrammeWithSites } from "../core/programme-scope.ts";
import { staleVersion } from "../core/stale-version.ts";
import type { Actor } from "../infra/audit/audit.ts";
import { auditedWrite } from "../infra/audit/audited-write.ts";
import type { Db } from "../infra/db/database.ts";
import { issuesError } from "../infra/http/errors.ts";
import { today } from "../infra/time/civil-date.ts";
import { listSiteStatus } from "./list-site-status.ts";
import type { SiteStatusRow, StatusChangeBody } from "./schemas.ts";
import { checkStatusChange } from "./transitions.ts";

/**
 * Record a change of a programme site's status, in one audited transaction: the programme's
 * site row is locked so two changes never take the same version; a stale `baseVersion` answers
 * 409 and a change that makes no sense (`checkStatusChange`) 400 naming the field — neither
 * stores anything. Answers the site's row as it now stands.
 */
export async function recordStatusChange(
  db: Db,
  actor: Actor,
  programme: ProgrammeWithSites,
  siteId: number,
  body: StatusChangeBody,
): Promise<SiteStatusRow> {
  return auditedWrite(db, actor, { action: "create", entity: "site_status_change" }, async (trx) => {
    await trx
      .selectFrom("programme_sites")
      .select("site_id")
      .where("programme_id", "=", programme.id)
      .where("site_id", "=", siteId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    const before = (await listSiteStatus(trx, programme, () => true)).sites.find((s) => s.siteId === siteId)!;
    if (body.baseVersion !== before.version)
      throw staleVersion("site's status", before.version, body.baseVersion);
    const issues = checkStatusChange(body, before.current, today());
    if (issues.length) throw issuesError(issues);
    const version = before.version + 1;
    await trx
      .insertInto("site_status_changes")
      .values({
        programme_id: programme.id,
        site_id: siteId,
        version,
        status: body.status,
        effective_date: body.effectiveDate,
        reason: body.reason,
        note: body.note,
        changed_by: actor.id,
        changed_by_name: actor.name,
      })
      .execute();
    const after = (await listSiteStatus(trx, programme, () => true)).sites.find((s) => s.siteId === siteId)!;
    return {
      result: after,
      entityId: `${programme.id}:${siteId}:${version}`,
      siteId,
      programmeId: programme.id,
      before: before.current,
      after: after.current,
    };
  });
}
