import type { Transaction } from "kysely";
import type { Principal } from "../auth/principal.ts";
import type { Db } from "../db/database.ts";
import type { DB } from "../db/schema.ts";
import { type Actor, audit } from "./audit.ts";

export const actorOf = (p: Principal): Actor => ({ id: p.userId, name: p.username });

export interface WriteOutcome<T> {
  result: T;
  entityId: string | number;
  before: unknown;
  after: unknown;
  siteId?: number | null;
  programmeId?: number | null;
}

/**
 * The outcome of creating a row of a site and programme: its answer, audited as the state after
 * (there is none before), under the row's id, site and programme.
 */
export const created = <T>(
  row: { id: number; site_id: number | null; programme_id: number | null },
  result: T,
): WriteOutcome<T> => ({
  result,
  entityId: row.id,
  siteId: row.site_id,
  programmeId: row.programme_id,
  before: null,
  after: result,
});

/**
 * Run a change in one transaction and append its audit entry (with before/after) in the same
 * transaction, so a change is never stored without its trace, nor a trace without its change.
 */
export async function auditedWrite<T>(
  db: Db,
  actor: Actor,
  what: { action: "create" | "update" | "delete" | string; entity: string },
  change: (trx: Transaction<DB>) => Promise<WriteOutcome<T>>,
): Promise<T> {
  return db.transaction().execute(async (trx) => {
    const out = await change(trx);
    await audit(trx, actor, {
      action: what.action,
      entity: what.entity,
      entityId: out.entityId,
      siteId: out.siteId ?? null,
      programmeId: out.programmeId ?? null,
      detail: { before: out.before ?? null, after: out.after ?? null },
    });
    return out.result;
  });
}
