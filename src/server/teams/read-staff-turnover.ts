import type { Executor } from "../infra/db/executor.ts";
import { today } from "../infra/time/civil-date.ts";
import { staffTurnover } from "./staff-turnover.ts";

/**
 * A site's staff turnover per year (the current one to date) from its professionals' joining
 * and leaving days, with how many have no joining day (in post since before the records), which
 * the reader needs to weigh the joiners. Access is the route's (whoever may read the site's team).
 */
export async function readStaffTurnover(db: Executor, siteId: number, years: number) {
  const rows = await db
    .selectFrom("professionals")
    .select(["joined_on", "left_on"])
    .where("site_id", "=", siteId)
    .execute();
  const asOf = today();
  return {
    siteId,
    asOf,
    unknownJoined: rows.filter((r) => r.joined_on === null).length,
    years: staffTurnover(
      rows.map((r) => ({ joinedOn: r.joined_on, leftOn: r.left_on })),
      asOf,
      years,
    ),
  };
}
