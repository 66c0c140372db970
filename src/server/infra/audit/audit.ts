import { createHash, createHmac } from "node:crypto";
import { type Selectable, sql } from "kysely";
import type { Db } from "../db/database.ts";
import type { Executor } from "../db/executor.ts";
import type { AuditLogTable, AuditScheme } from "../db/schema.ts";

/** Who did something. `id` is null for the system (CLI, demo loader, import). */
export interface Actor {
  id: number | null;
  name: string;
}

export const SYSTEM: Actor = { id: null, name: "system" };

export interface AuditEntry {
  action: string;
  entity: string;
  entityId?: string | number | null;
  siteId?: number | null;
  programmeId?: number | null;
  /** For writes: { before, after }; for reads: what was read (ids, filters). */
  detail?: Record<string, unknown>;
}

/** The first link's predecessor. */
export const GENESIS = "0".repeat(64);

/** Any fixed 64-bit key: every appender takes it, so appends from several servers never race. */
const AUDIT_LOCK_KEY = 7_270_274_001;

/** JSON with object keys sorted at every depth, so the hash survives jsonb's key reordering. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(",")}}`;
}

/** The columns of an audit entry that its hash covers: all but the hash and its scheme, any detail. */
export type ChainedFields = Omit<Selectable<AuditLogTable>, "hash" | "scheme" | "detail"> & {
  detail: unknown;
};

/**
 * The key of the chain: PRAXIS_AUDIT_KEY, read when an entry is written or verified (so the
 * server, the CLI and tests agree without passing it around). With a key, entries are
 * HMAC-SHA-256: someone who can write to the database but does not know the key cannot forge a
 * consistent chain. Without one, plain SHA-256 (the server warns at start).
 */
export function auditKey(env: NodeJS.ProcessEnv = process.env): string | null {
  return env.PRAXIS_AUDIT_KEY ? env.PRAXIS_AUDIT_KEY : null;
}

export function currentScheme(key = auditKey()): AuditScheme {
  return key ? "hmac-sha256" : "sha256";
}

/**
 * The hash of one entry: every field, and the previous entry's hash — plain, or keyed. Throws
 * for a keyed entry when no key is given.
 */
export function entryHash(
  e: ChainedFields,
  scheme: AuditScheme = "sha256",
  key: string | null = null,
): string {
  const material = canonicalJson([
    e.seq,
    e.at.toISOString(),
    e.actor_id,
    e.actor,
    e.action,
    e.entity,
    e.entity_id,
    e.site_id,
    e.programme_id,
    e.detail,
    e.prev_hash,
  ]);
  if (scheme === "hmac-sha256") {
    if (!key) throw new Error("this audit entry is keyed: set PRAXIS_AUDIT_KEY to compute it");
    return createHmac("sha256", key).update(material).digest("hex");
  }
  return createHash("sha256").update(material).digest("hex");
}

/**
 * Append entries to the audit log inside the caller's transaction: they commit or roll back
 * with the change they describe. Call with a transaction for writes; reads may pass the db.
 */
export async function audit(tx: Executor, actor: Actor, entries: AuditEntry | AuditEntry[]): Promise<void> {
  const list = Array.isArray(entries) ? entries : [entries];
  if (list.length === 0) return;
  if (!("isTransaction" in tx) || !tx.isTransaction) {
    await (tx as Db).transaction().execute((trx) => audit(trx, actor, list));
    return;
  }
  await sql`select pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`.execute(tx);
  const last = await tx
    .selectFrom("audit_log")
    .select(["seq", "hash"])
    .orderBy("seq", "desc")
    .limit(1)
    .executeTakeFirst();
  let seq = last?.seq ?? 0;
  let prev = last?.hash ?? GENESIS;
  const at = new Date();
  const key = auditKey();
  const scheme = currentScheme(key);
  const rows = list.map((e) => {
    seq += 1;
    const fields: ChainedFields = {
      seq,
      at,
      actor_id: actor.id,
      actor: actor.name,
      action: e.action,
      entity: e.entity,
      entity_id: e.entityId == null ? null : String(e.entityId),
      site_id: e.siteId ?? null,
      programme_id: e.programmeId ?? null,
      detail: JSON.parse(canonicalJson(e.detail ?? {})),
      prev_hash: prev,
    };
    const hash = entryHash(fields, scheme, key);
    prev = hash;
    return { ...fields, detail: JSON.stringify(fields.detail), hash, scheme };
  });
  await tx.insertInto("audit_log").values(rows).execute();
}

/** Before/after detail for a write, keeping only what changed when both exist. */
export function changes(before: object | null, after: object | null): Record<string, unknown> {
  return { before, after };
}
