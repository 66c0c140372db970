import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/server/app.ts";
import { generateDemoRegistry } from "../../src/server/demo/registry/index.ts";
import { seedDemoRegion } from "../../src/server/demo/seed-region.ts";
import { SYSTEM } from "../../src/server/infra/audit/audit.ts";
import { loadConfig } from "../../src/server/infra/config.ts";
import { openPGlite } from "../../src/server/infra/db/database.ts";
import { migrateToLatest } from "../../src/server/infra/db/migrate.ts";
import { adminStatement } from "../support/pg-admin.ts";
import { praxis } from "../support/spawn.ts";
import { login } from "../support/world.ts";

/**
 * The commands end to end: `praxis backup`, `restore`, `move-to-postgres` as an operator runs
 * them, and the administrators' backup endpoint that serves the embedded database's backup
 * while its server holds it. Each refusal is one line on stderr.
 */
const onPostgres = process.env.PRAXIS_TEST_DB === "postgres";
const AS_OF = "2026-06-15";
const KEY = { PRAXIS_AUDIT_KEY: "backup-cli-key" };
process.env.PRAXIS_AUDIT_KEY = KEY.PRAXIS_AUDIT_KEY;

const dirs: string[] = [];
const tempDir = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), "praxis-backup-cli-"));
  dirs.push(d);
  return d;
};
const oneLine = (stderr: string) => expect(stderr.trim().split("\n")).toHaveLength(1);

/** An embedded database in a directory with a small demo (made in this process, then closed). */
let source: string;
beforeAll(async () => {
  source = tempDir();
  const database = await openPGlite(source);
  try {
    await migrateToLatest(database.db);
    await seedDemoRegion(database.db, SYSTEM, AS_OF);
    await generateDemoRegistry(database.db, { patients: 20, seed: 2, asOf: AS_OF });
  } finally {
    await database.close();
  }
}, 120_000);

afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

const indicators = (where: string[]) => {
  const r = praxis(["indicators", "--programme", "BPD-LOM", "--as-of", AS_OF, ...where], KEY);
  expect(r.code, r.stderr).toBe(0);
  return r.stdout;
};

describe.skipIf(onPostgres)("praxis backup / restore on the embedded database", () => {
  it("round trip through a file: the catalogue and the audit chain", () => {
    const dir = tempDir();
    const file = path.join(dir, "b.praxis-backup.gz");
    const b = praxis(["backup", "--out", file, "--data-dir", source], KEY);
    expect(b.code, b.stderr).toBe(0);
    expect(b.stdout).toMatch(/^backup written to .*: \d+ tables, \d+ rows, \d+ audit entries/);

    const target = path.join(dir, "restored");
    const r = praxis(["restore", file, "--data-dir", target], KEY);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/indicator facts rebuilt for 2 programmes/);
    const verify = praxis(["audit", "verify", "--data-dir", target], KEY);
    expect(verify.code, verify.stdout).toBe(0);
    expect(verify.stdout).toContain("audit log intact");
    expect(indicators(["--data-dir", target])).toEqual(indicators(["--data-dir", source]));
  }, 120_000);

  it("refuses an existing file, a non-empty target and a file that is no backup, in one line", () => {
    const dir = tempDir();
    const file = path.join(dir, "b.praxis-backup.gz");
    fs.writeFileSync(file, "not a backup");
    const again = praxis(["backup", "--out", file, "--data-dir", source], KEY);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("already exists");

    const bad = praxis(["restore", file, "--data-dir", path.join(dir, "other")], KEY);
    expect(bad.code).toBe(1);
    oneLine(bad.stderr);
    expect(bad.stderr).toContain("is not a Praxis backup");
    expect(fs.existsSync(path.join(dir, "other"))).toBe(false);

    const good = path.join(dir, "good.gz");
    expect(praxis(["backup", "--out", good, "--data-dir", source], KEY).code).toBe(0);
    const full = praxis(["restore", good, "--data-dir", source], KEY);
    expect(full.code).toBe(1);
    oneLine(full.stderr);
    expect(full.stderr).toMatch(/^praxis restore: the target database is not empty/);
  }, 120_000);

  it("while a server holds the directory: the CLI says what to do, the endpoint gives the backup", async () => {
    const database = await openPGlite(source);
    try {
      const dir = tempDir();
      const cli = praxis(["backup", "--out", path.join(dir, "x.gz"), "--data-dir", source], KEY);
      expect(cli.code).toBe(1);
      oneLine(cli.stderr);
      expect(cli.stderr).toContain(`is served by process ${process.pid}`);
      expect(cli.stderr).toContain("GET /api/backup");
      expect(fs.existsSync(path.join(dir, "x.gz"))).toBe(false);

      const config = loadConfig({ PRAXIS_WEB_DIR: "/nonexistent" } as NodeJS.ProcessEnv);
      const app = await buildApp({ database, config });
      await app.ready();
      try {
        expect((await app.inject({ method: "GET", url: "/api/backup" })).statusCode).toBe(401);
        const viewer = await login(app, "viewer", "praxis-demo-login");
        expect((await viewer.get("/api/backup")).statusCode).toBe(403);
        const admin = await login(app, "admin", "praxis-demo-login");
        const res = await admin.get("/api/backup");
        expect(res.statusCode, res.body).toBe(200);
        expect(res.headers["content-type"]).toBe("application/gzip");
        expect(res.headers["content-disposition"]).toMatch(
          /attachment; filename="praxis-.*\.praxis-backup\.gz"/,
        );
        const file = path.join(dir, "served.praxis-backup.gz");
        fs.writeFileSync(file, res.rawPayload);
        const last = await database.db
          .selectFrom("audit_log")
          .select(["action", "actor"])
          .orderBy("seq", "desc")
          .limit(1)
          .executeTakeFirstOrThrow();
        expect(last).toEqual({ action: "backup", actor: "admin" });
        await app.close();
        await database.close();
        const r = praxis(["restore", file, "--data-dir", path.join(dir, "restored")], KEY);
        expect(r.code, r.stderr).toBe(0);
        expect(praxis(["audit", "verify", "--data-dir", path.join(dir, "restored")], KEY).code).toBe(0);
      } finally {
        await app.close();
      }
    } finally {
      await database.close();
    }
  }, 180_000);

  it("move-to-postgres: an unreachable URL is one line, before anything is read", () => {
    const r = praxis(
      ["move-to-postgres", "--database-url", "postgres://praxis@127.0.0.1:1/none", "--data-dir", source],
      KEY,
    );
    expect(r.code).toBe(1);
    oneLine(r.stderr);
    expect(r.stderr).toContain("cannot connect to PostgreSQL at postgresql://praxis@127.0.0.1:1/none");
  });
});

describe.runIf(onPostgres)("praxis move-to-postgres", () => {
  const base = process.env.DATABASE_URL ?? "";
  const name = `praxis_bk_${randomBytes(4).toString("hex")}`;
  const urlOf = (db: string) => {
    const u = new URL(base || "postgres://localhost/x");
    u.pathname = `/${db}`;
    return u.toString();
  };
  const url = urlOf(name);
  const url2 = urlOf(`${name}_2`);
  const admin = (query: string) => adminStatement(base, query);
  beforeAll(async () => {
    await admin(`create database ${name}`);
    await admin(`create database ${name}_2`);
  });
  afterAll(async () => {
    await admin(`drop database if exists ${name} with (force)`);
    await admin(`drop database if exists ${name}_2 with (force)`);
  });

  it("copies the embedded database into an empty PostgreSQL database, once; PostgreSQL → file → PostgreSQL", () => {
    const r = praxis(["move-to-postgres", "--database-url", url, "--data-dir", source], KEY);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^moved the embedded database in .* to postgresql:/);
    const verify = praxis(["audit", "verify", "--database-url", url], KEY);
    expect(verify.code, verify.stdout).toBe(0);
    expect(indicators(["--database-url", url])).toEqual(indicators(["--data-dir", source]));

    // PostgreSQL → file → an empty PostgreSQL database, through the commands
    const dir = tempDir();
    const file = path.join(dir, "pg.praxis-backup.gz");
    const b = praxis(["backup", "--out", file, "--database-url", url], KEY);
    expect(b.code, b.stderr).toBe(0);
    const restored = praxis(["restore", file, "--database-url", url2], KEY);
    expect(restored.code, restored.stderr).toBe(0);
    expect(praxis(["audit", "verify", "--database-url", url2], KEY).code).toBe(0);

    const again = praxis(["move-to-postgres", "--database-url", url, "--data-dir", source], KEY);
    expect(again.code).toBe(1);
    oneLine(again.stderr);
    expect(again.stderr).toContain("the target database is not empty");
  }, 240_000);
});
