import type { Db } from "../db/database.ts";
import { auditKey, entryHash, GENESIS } from "./audit.ts";

export type VerifyResult =
  | { ok: true; entries: number; lastHash: string; keyedFrom?: number }
  | { ok: false; entries: number; brokenAt: number; reason: string };

/** The head of the chain at one moment, kept outside the database (`praxis audit checkpoint`). */
export interface AuditCheckpoint {
  /** Entries in the chain then (= the head's seq). */
  entries: number;
  /** The head entry's hash (GENESIS for an empty log). */
  hash: string;
  scheme: string | null;
  at: string;
}

/**
 * Walk the chain in order and report the first broken link: a row whose content no longer
 * matches its hash (altered), whose prev_hash is not its predecessor's hash, or a gap in the
 * sequence (deleted rows). Streams in pages so memory stays flat on a long log.
 *
 * Each entry is checked with the scheme it records (0013): plain SHA-256 entries from before a
 * key was configured still verify. Once a keyed entry has been seen, a later plain one is a
 * downgrade — someone recomputing the chain without the key — and breaks the chain. With a
 * checkpoint, the entry it names must still be there with the same hash: a shorter but
 * consistent chain (the newest entries removed) is reported too.
 */
export async function verifyAuditChain(
  db: Db,
  pageSize = 5000,
  checkpoint?: AuditCheckpoint,
): Promise<VerifyResult> {
  const key = auditKey();
  let expectedSeq = 1;
  let prev = GENESIS;
  let count = 0;
  let keyedFrom: number | undefined;
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
      const broken = (brokenAt: number, reason: string): VerifyResult => ({
        ok: false,
        entries: count,
        brokenAt,
        reason,
      });
      if (seq !== expectedSeq)
        return broken(expectedSeq, `entries ${expectedSeq}…${seq - 1} are missing (deleted)`);
      if (row.prev_hash !== prev) return broken(seq, "does not link to the previous entry");
      if (row.scheme === "hmac-sha256") {
        if (!key) return broken(seq, "the entry is keyed (HMAC-SHA-256): set PRAXIS_AUDIT_KEY to verify it");
        keyedFrom ??= seq;
      } else if (keyedFrom !== undefined) {
        return broken(seq, `an unkeyed entry after keyed ones (from ${keyedFrom}): the chain was recomputed`);
      }
      const recomputed = entryHash({ ...row, seq, at: new Date(row.at) }, row.scheme, key);
      if (recomputed !== row.hash) {
        return broken(
          seq,
          row.scheme === "hmac-sha256"
            ? "its content was altered after it was written, or PRAXIS_AUDIT_KEY is not the key it was written with"
            : "its content was altered after it was written",
        );
      }
      if (checkpoint && seq === checkpoint.entries && row.hash !== checkpoint.hash) {
        return broken(seq, "it is not the entry the checkpoint recorded: the chain was rewritten");
      }
      prev = row.hash;
      expectedSeq = seq + 1;
      count += 1;
    }
  }
  if (checkpoint && count < checkpoint.entries) {
    return {
      ok: false,
      entries: count,
      brokenAt: count + 1,
      reason: `the checkpoint of ${checkpoint.at} counted ${checkpoint.entries} entries: entries ${count + 1}…${checkpoint.entries} were removed`,
    };
  }
  return { ok: true, entries: count, lastHash: prev, ...(keyedFrom ? { keyedFrom } : {}) };
}

/** The current head, for `praxis audit checkpoint`. */
export async function auditCheckpoint(db: Db): Promise<AuditCheckpoint> {
  const head = await db
    .selectFrom("audit_log")
    .select(["seq", "hash", "scheme"])
    .orderBy("seq", "desc")
    .limit(1)
    .executeTakeFirst();
  return {
    entries: head ? Number(head.seq) : 0,
    hash: head?.hash ?? GENESIS,
    scheme: head?.scheme ?? null,
    at: new Date().toISOString(),
  };
}

/** A checkpoint file's content, checked. */
export function parseCheckpoint(text: string): AuditCheckpoint {
  const data = JSON.parse(text) as Partial<AuditCheckpoint>;
  if (
    typeof data.entries !== "number" ||
    !Number.isInteger(data.entries) ||
    data.entries < 0 ||
    typeof data.hash !== "string" ||
    !/^[0-9a-f]{64}$/.test(data.hash)
  ) {
    throw new Error("not an audit checkpoint: expected {entries, hash, scheme, at}");
  }
  return { entries: data.entries, hash: data.hash, scheme: data.scheme ?? null, at: String(data.at ?? "?") };
}
