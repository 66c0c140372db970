import type { Executor } from "../infra/db/executor.ts";
import type { FieldIssue } from "../infra/http/errors.ts";
import type { Who } from "./schemas.ts";

/**
 * The directory services and professionals a request names, checked in two queries whatever
 * their number: a service must exist, be active and lie in the region of the writing site; a
 * professional must belong to the team of the plan's site.
 */
export async function referenceIssues(
  db: Executor,
  siteId: number,
  services: Array<{ serviceId: number; field: string }>,
  professionals: Array<{ professionalId: number; field: string }>,
): Promise<FieldIssue[]> {
  const issues: FieldIssue[] = [];
  if (services.length) {
    const ids = [...new Set(services.map((s) => s.serviceId))];
    const site = await db.selectFrom("sites").select("region_id").where("id", "=", siteId).executeTakeFirst();
    const rows = await db
      .selectFrom("directory_services")
      .select(["id", "region_id", "active"])
      .where("id", "in", ids)
      .execute();
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const s of services) {
      const row = byId.get(s.serviceId);
      if (row === undefined || row.active === false)
        issues.push({ field: s.field, rule: "reference", message: "no such service in the directory" });
      else if (row.region_id !== site?.region_id)
        issues.push({ field: s.field, rule: "same_region", message: "a service of another region" });
    }
  }
  if (professionals.length) {
    const ids = [...new Set(professionals.map((x) => x.professionalId))];
    const rows = await db
      .selectFrom("professionals")
      .select(["id", "site_id"])
      .where("id", "in", ids)
      .execute();
    const byId = new Map(rows.map((r) => [r.id, r.site_id]));
    for (const x of professionals) {
      const at = byId.get(x.professionalId);
      if (at === undefined)
        issues.push({ field: x.field, rule: "reference", message: "no such professional" });
      else if (at !== siteId)
        issues.push({
          field: x.field,
          rule: "not_at_site",
          message: "not a professional of this site's team",
        });
    }
  }
  return issues;
}

/** The services and professionals named by the `who` of each action, with their fields. */
export function whoRefs(actions: Array<{ who: Who }>, prefix: string) {
  const services: Array<{ serviceId: number; field: string }> = [];
  const professionals: Array<{ professionalId: number; field: string }> = [];
  actions.forEach((a, i) => {
    if (a.who.kind === "service")
      services.push({ serviceId: a.who.serviceId, field: `${prefix}.${i}.who.serviceId` });
    if (a.who.kind === "professional")
      professionals.push({
        professionalId: a.who.professionalId,
        field: `${prefix}.${i}.who.professionalId`,
      });
  });
  return { services, professionals };
}
