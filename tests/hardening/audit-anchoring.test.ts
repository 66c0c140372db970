import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { audit, SYSTEM } from "../../src/server/infra/audit/audit.ts";
import { auditCheckpoint, verifyAuditChain } from "../../src/server/infra/audit/verify.ts";
import type { Database } from "../../src/server/infra/db/database.ts";
import { praxis } from "../support/spawn.ts";
import { openTestDatabase } from "../support/test-db.ts";

/** Issue 14, defect 7: TRUNCATE, an unkeyed chain, and removal of the newest entries. */
let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database?.close();
});
afterEach(() => {
  delete process.env.PRAXIS_AUDIT_KEY;
});

const write = (n: number, action = "test") =>
  audit(
    database.db,
    SYSTEM,
    Array.from({ length: n }, (_, i) => ({ action, entity: "thing", entityId: i })),
  );

async function tamper(statement: string) {
  const { db } = database;
  await sql`alter table audit_log disable trigger user`.execute(db);
  try {
    await sql.raw(statement).execute(db);
  } finally {
    await sql`alter table audit_log enable trigger user`.execute(db);
  }
}

describe("audit anchoring", () => {
  it("refuses TRUNCATE", async () => {
    await write(2);
    await expect(sql`truncate audit_log`.execute(database.db)).rejects.toThrow(/append-only/);
    expect((await verifyAuditChain(database.db)).entries).toBeGreaterThanOrEqual(2);
  });

  it("keys new entries with PRAXIS_AUDIT_KEY while the older plain ones still verify", async () => {
    const before = (await verifyAuditChain(database.db)).entries;
    process.env.PRAXIS_AUDIT_KEY = "k-test-secret";
    await write(3, "keyed");
    const ok = await verifyAuditChain(database.db);
    expect(ok).toMatchObject({ ok: true, entries: before + 3, keyedFrom: before + 1 });
    const schemes = await database.db
      .selectFrom("audit_log")
      .select("scheme")
      .where("action", "=", "keyed")
      .execute();
    expect(schemes.map((s) => s.scheme)).toEqual(["hmac-sha256", "hmac-sha256", "hmac-sha256"]);

    process.env.PRAXIS_AUDIT_KEY = "another-key";
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: false, brokenAt: before + 1 });
    delete process.env.PRAXIS_AUDIT_KEY;
    const unkeyed = await verifyAuditChain(database.db);
    expect(unkeyed.ok === false && unkeyed.reason).toMatch(/PRAXIS_AUDIT_KEY/);
  });

  it("detects keyed entries recomputed without the key (a downgrade)", async () => {
    process.env.PRAXIS_AUDIT_KEY = "k-test-secret";
    const last = await database.db
      .selectFrom("audit_log")
      .selectAll()
      .orderBy("seq", "desc")
      .limit(1)
      .executeTakeFirstOrThrow();
    const { entryHash } = await import("../../src/server/infra/audit/audit.ts");
    const forged = entryHash({ ...last, seq: Number(last.seq), at: new Date(last.at), actor: "mallory" });
    await tamper(
      `update audit_log set scheme = 'sha256', actor = 'mallory', hash = '${forged}' where seq = ${last.seq}`,
    );
    const r = await verifyAuditChain(database.db);
    expect(r).toMatchObject({ ok: false, brokenAt: Number(last.seq) });
    expect(r.ok === false && r.reason).toMatch(/unkeyed entry after keyed/);
    await tamper(`delete from audit_log where seq = ${last.seq}`);
  });

  it("a checkpoint detects the removal of the newest entries", async () => {
    process.env.PRAXIS_AUDIT_KEY = "k-test-secret";
    await write(2);
    const cp = await auditCheckpoint(database.db);
    await write(2);
    expect(await verifyAuditChain(database.db, 5000, cp)).toMatchObject({ ok: true });
    // Without the checkpoint, removing the newest entries leaves a consistent chain…
    await tamper(`delete from audit_log where seq > ${cp.entries - 1}`);
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true, entries: cp.entries - 1 });
    // …which the checkpoint refuses.
    const r = await verifyAuditChain(database.db, 5000, cp);
    expect(r).toMatchObject({ ok: false, brokenAt: cp.entries });
    expect(r.ok === false && r.reason).toMatch(/were removed/);
  });
});

describe.skipIf(process.env.PRAXIS_TEST_DB === "postgres")(
  "praxis audit checkpoint / verify --checkpoint",
  () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "praxis-audit-"));
    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

    it("writes the head and verifies against it", () => {
      const dataDir = path.join(dir, "data");
      const env = { PRAXIS_AUDIT_KEY: "cli-secret", PRAXIS_PASSWORD: "a-long-cli-password" };
      expect(
        praxis(["user", "add", "first.admin", "--role", "administrator", "--data-dir", dataDir], env).code,
      ).toBe(0);
      const file = path.join(dir, "checkpoint.json");
      const cp = praxis(["audit", "checkpoint", "--out", file, "--data-dir", dataDir], env);
      expect(cp.code, cp.stderr).toBe(0);
      expect(JSON.parse(fs.readFileSync(file, "utf8"))).toMatchObject({ entries: 1, scheme: "hmac-sha256" });
      const ok = praxis(["audit", "verify", "--checkpoint", file, "--data-dir", dataDir], env);
      expect(ok.code, ok.stdout + ok.stderr).toBe(0);
      expect(ok.stdout).toContain("matches");
      const other = path.join(dir, "other.json");
      fs.writeFileSync(
        other,
        JSON.stringify({ entries: 5, hash: "a".repeat(64), scheme: "hmac-sha256", at: "then" }),
      );
      const bad = praxis(["audit", "verify", "--checkpoint", other, "--data-dir", dataDir], env);
      expect(bad.code).toBe(1);
      expect(bad.stdout).toMatch(/BROKEN.*removed/);
    }, 120_000);
  },
);
