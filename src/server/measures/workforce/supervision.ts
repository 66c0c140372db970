import type { Selectable } from "kysely";
import type { z } from "zod";
import { canManageSite, canReadSiteData } from "../../core/access/roles.ts";
import type { Actor } from "../../infra/audit/audit.ts";
import { auditedWrite } from "../../infra/audit/audited-write.ts";
import type { Principal } from "../../infra/auth/principal.ts";
import type { Db } from "../../infra/db/database.ts";
import type { SupervisionSessionTable } from "../../infra/db/schema.ts";
import { type FieldIssue, forbidden, issuesError, notFound } from "../../infra/http/errors.ts";
import { today } from "../../infra/time/civil-date.ts";
import type { Supervision, SupervisionBody } from "./schemas.ts";

type Out = z.infer<typeof Supervision>;

const toSupervision = (r: Selectable<SupervisionSessionTable>): Out => ({
  id: r.id,
  siteId: r.site_id,
  date: r.date,
  supervisor: r.supervisor,
  format: r.format as Out["format"],
  durationMin: r.duration_min,
  professionalIds: r.professional_ids,
});

/** A site's supervision sessions, newest first: whoever reads the site's data. */
export async function listSupervision(db: Db, p: Principal, siteId: number): Promise<Out[]> {
  if (!canReadSiteData(p, siteId))
    throw forbidden("you may read supervision only of a site you work with", "not_your_site");
  const rows = await db
    .selectFrom("supervision_sessions")
    .selectAll()
    .where("site_id", "=", siteId)
    .orderBy("date", "desc")
    .orderBy("id", "desc")
    .execute();
  return rows.map(toSupervision);
}

/** Record a supervision session of professionals of the site (its managers); audited. */
export async function recordSupervision(
  db: Db,
  p: Principal,
  actor: Actor,
  siteId: number,
  body: SupervisionBody,
): Promise<Out> {
  if (!canManageSite(p, siteId))
    throw forbidden(
      "only an administrator, the site's coordinator or a regional coordinator may record its supervision",
    );
  return auditedWrite(db, actor, { action: "create", entity: "supervision_session" }, async (trx) => {
    const site = await trx.selectFrom("sites").select("id").where("id", "=", siteId).executeTakeFirst();
    if (!site) throw notFound("site");
    const here = new Set(
      (
        await trx
          .selectFrom("professionals")
          .select("id")
          .where("site_id", "=", siteId)
          .where("id", "in", body.professionalIds)
          .execute()
      ).map((r) => r.id),
    );
    const issues: FieldIssue[] = body.professionalIds.flatMap((id, i) =>
      here.has(id)
        ? []
        : [
            {
              field: `body.professionalIds.${i}`,
              rule: "reference",
              message: "no such professional at this site",
            },
          ],
    );
    if (body.date > today())
      issues.push({ field: "body.date", rule: "future", message: `${body.date} is in the future` });
    if (issues.length) throw issuesError(issues);
    const row = await trx
      .insertInto("supervision_sessions")
      .values({
        site_id: siteId,
        date: body.date,
        supervisor: body.supervisor,
        format: body.format,
        duration_min: body.durationMin,
        professional_ids: [...new Set(body.professionalIds)],
        created_by: actor.id,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const out = toSupervision(row);
    return { result: out, entityId: row.id, siteId, before: null, after: out };
  });
}
