import type { Db } from "../db/database.ts";
import { entryHash, GENESIS } from "./audit.ts";

export type VerifyResult =
  | { ok: true; entries: number; lastHash: string }
  | { ok: false; entries: number; brokenAt: number; reason: string };

/**
 * Walk the chain in order and report the first broken link: a row whose content no longer
 * matches its hash (altered), whose prev_hash is not its predecessor's hash, or a gap in the
 * sequence (deleted rows). Streams in pages so memory stays flat on a long log.
 */
export async function verifyAuditChain(db: Db, pageSize = 5000): Promise<VerifyResult> {
  let expectedSeq = 1;
  let prev = GENESIS;
  let count = 0;
  for (;;) {
    const rows = await db
      .selectFrom("audit_log")
      .selectAll()
      .where("seq", ">=", expectedSeq)
      .orderBy("seq")
      .limit(pageSize)
      .execute();
    if (rows.length === 0) break;
    for (const row of rows) {
      const seq = Number(row.seq);
      if (seq !== expectedSeq) {
        return {
          ok: false,
          entries: count,
          brokenAt: expectedSeq,
          reason: `entries ${expectedSeq}…${seq - 1} are missing (deleted)`,
        };
      }
      if (row.prev_hash !== prev) {
        return { ok: false, entries: count, brokenAt: seq, reason: "does not link to the previous entry" };
      }
      const recomputed = entryHash({ ...row, seq, at: new Date(row.at) });
      if (recomputed !== row.hash) {
        return {
          ok: false,
          entries: count,
          brokenAt: seq,
          reason: "its content was altered after it was written",
        };
      }
      prev = row.hash;
      expectedSeq = seq + 1;
      count += 1;
    }
  }
  return { ok: true, entries: count, lastHash: prev };
}
