import type { Actor } from "../../infra/audit/audit.ts";
import { auditedWrite } from "../../infra/audit/audited-write.ts";
import type { Db } from "../../infra/db/database.ts";
import { notFound } from "../../infra/http/errors.ts";

/** Remove a stored link of the scope, audited; a link of another scope or programme is a 404. */
export async function removeChainLink(
  db: Db,
  actor: Actor,
  programmeId: number,
  siteId: number | null,
  linkId: number,
): Promise<void> {
  await auditedWrite(db, actor, { action: "delete", entity: "planning.chain_link" }, async (trx) => {
    const row = await trx
      .deleteFrom("planning_chain_links")
      .where("id", "=", linkId)
      .where("programme_id", "=", programmeId)
      .where((eb) => (siteId === null ? eb("site_id", "is", null) : eb("site_id", "=", siteId)))
      .returning(["from_kind", "from_key", "to_kind", "to_key"])
      .executeTakeFirst();
    if (!row) throw notFound("chain link");
    const before = {
      from: { kind: row.from_kind, key: row.from_key },
      to: { kind: row.to_kind, key: row.to_key },
    };
    return { result: undefined, entityId: linkId, before, after: null, siteId, programmeId };
  });
}
