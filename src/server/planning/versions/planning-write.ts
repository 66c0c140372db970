import type { Transaction } from "kysely";
import { type Actor, type AuditEntry, audit } from "../../infra/audit/audit.ts";
import type { Db } from "../../infra/db/database.ts";
import type { DB } from "../../infra/db/schema.ts";

/**
 * Like `auditedWrite`, for planning writes that touch one or several artefacts: the change and
 * all its audit entries (each with before/after) commit in one transaction, or none does.
 */
export async function planningWrite<T>(
  db: Db,
  actor: Actor,
  change: (trx: Transaction<DB>) => Promise<{ result: T; audits: AuditEntry[] }>,
): Promise<T> {
  return db.transaction().execute(async (trx) => {
    const { result, audits } = await change(trx);
    await audit(trx, actor, audits);
    return result;
  });
}
