import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { verifyAuditChain } from "../../src/server/infra/audit/verify.ts";
import { worldOfFile } from "../support/world.ts";

const w = worldOfFile(async () => {
  const admin = await w.as("admin");
  for (const code of ["A1", "A2", "A3"]) await admin.post("/api/regions", { code, name: `Region ${code}` });
});

describe("audit log", () => {
  it("records every write with who, what, before and after", async () => {
    const admin = await w.as("admin");
    const region = (await admin.get("/api/regions")).json().find((r: { code: string }) => r.code === "A1");
    await admin.patch(`/api/regions/${region.id}`, { name: "Renamed" });
    const { entries } = (await admin.get(`/api/audit?entity=region&entityId=${region.id}`)).json();
    expect(entries.map((e: { action: string }) => e.action)).toEqual(["update", "create"]);
    expect(entries[0]).toMatchObject({
      actor: "admin",
      detail: { before: { name: "Region A1" }, after: { name: "Renamed" } },
    });
  });

  it("pages newest first with nextBefore", async () => {
    const admin = await w.as("admin");
    const first = (await admin.get("/api/audit?limit=2")).json();
    expect(first.entries).toHaveLength(2);
    const second = (await admin.get(`/api/audit?limit=2&before=${first.nextBefore}`)).json();
    expect(second.entries[0].seq).toBeLessThan(first.entries[1].seq);
  });

  it.each(["coordinator", "sitecoord1", "clinician1", "viewer"] as const)("is closed to %s", async (u) => {
    const c = await w.as(u);
    expect((await c.get("/api/audit")).statusCode).toBe(403);
    expect((await c.get("/api/audit/verify")).statusCode).toBe(403);
  });

  it("refuses updates and deletes in the database itself", async () => {
    await expect(sql`update audit_log set actor = 'x'`.execute(w.database.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log`.execute(w.database.db)).rejects.toThrow(/append-only/);
  });

  it("verifies an intact chain, and reports the first altered or deleted entry", async () => {
    const admin = await w.as("admin");
    const ok = (await admin.get("/api/audit/verify")).json();
    expect(ok.ok).toBe(true);
    const { db } = w.database;
    await sql`alter table audit_log disable trigger audit_log_no_update`.execute(db);
    try {
      await sql`update audit_log set actor = 'mallory' where seq = 3`.execute(db);
      expect(await verifyAuditChain(db)).toMatchObject({ ok: false, brokenAt: 3, entries: 2 });
      const original = await sql<{ hash: string }>`select hash from audit_log where seq = 3`.execute(db);
      expect(original.rows[0]?.hash).toBeTruthy();
      await sql`delete from audit_log where seq in (3, 4)`.execute(db);
      const broken = await verifyAuditChain(db);
      expect(broken).toMatchObject({ ok: false, brokenAt: 3 });
      expect(broken.ok === false && broken.reason).toMatch(/missing/);
    } finally {
      await sql`alter table audit_log enable trigger audit_log_no_update`.execute(db);
    }
  });
});
