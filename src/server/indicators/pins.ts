import type { Actor } from "../infra/audit/audit.ts";
import { auditedWrite } from "../infra/audit/audited-write.ts";
import type { Db } from "../infra/db/database.ts";
import { issuesError } from "../infra/http/errors.ts";
import { CATALOGUE_IDS } from "./catalogue.ts";
import type { ProgrammeContext } from "./service.ts";

/** Replace the programme's pinned indicators (order kept); every id must be a known indicator. */
export function replacePins(db: Db, actor: Actor, ctx: ProgrammeContext, ids: string[]) {
  return auditedWrite(db, actor, { action: "update", entity: "indicator_pins" }, async (trx) => {
    const own = await trx
      .selectFrom("indicator_definitions")
      .select("indicator_id")
      .where("programme_id", "=", ctx.id)
      .execute();
    const known = new Set([...CATALOGUE_IDS, ...own.map((o) => o.indicator_id)]);
    const issues = ids
      .map((id, i) => ({ id, i }))
      .filter(({ id }) => !known.has(id))
      .map(({ id, i }) => ({
        field: `body.indicatorIds.${i}`,
        rule: "unknown",
        message: `no indicator ${id}`,
      }));
    if (issues.length) {
      throw issuesError(issues);
    }
    const before = (
      await trx
        .selectFrom("indicator_pins")
        .select("indicator_id")
        .where("programme_id", "=", ctx.id)
        .orderBy("position")
        .execute()
    ).map((r) => r.indicator_id);
    await trx.deleteFrom("indicator_pins").where("programme_id", "=", ctx.id).execute();
    if (ids.length) {
      await trx
        .insertInto("indicator_pins")
        .values(ids.map((indicator_id, position) => ({ programme_id: ctx.id, indicator_id, position })))
        .execute();
    }
    return { result: { indicatorIds: ids }, entityId: ctx.id, programmeId: ctx.id, before, after: ids };
  });
}
