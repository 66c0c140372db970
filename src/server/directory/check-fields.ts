import type { Executor } from "../infra/db/executor.ts";
import { type FieldIssue, issuesError } from "../infra/http/errors.ts";
import { regionAreas } from "./repository.ts";

/**
 * The references of a service in its region: every area one of the region's areas, the code not
 * used by another service of the region. Every problem at once, naming its field.
 */
export async function checkReferences(
  db: Executor,
  regionId: number,
  fields: { code?: string; areaIds?: readonly number[] },
  serviceId: number | null,
): Promise<void> {
  const issues: FieldIssue[] = [];
  if (fields.areaIds?.length) {
    const known = new Set((await regionAreas(db, regionId)).map((a) => a.id));
    fields.areaIds.forEach((id, i) => {
      if (!known.has(id))
        issues.push({
          field: `body.areaIds.${i}`,
          rule: "same_region",
          message: "must be an area of the service's region",
        });
    });
  }
  if (fields.code !== undefined) {
    let q = db
      .selectFrom("directory_services")
      .select("id")
      .where("region_id", "=", regionId)
      .where("code", "=", fields.code);
    if (serviceId !== null) q = q.where("id", "<>", serviceId);
    if (await q.executeTakeFirst())
      issues.push({
        field: "body.code",
        rule: "unique",
        message: `the code ${fields.code} is already used by another service of this region`,
      });
  }
  if (issues.length) throw issuesError(issues);
}
