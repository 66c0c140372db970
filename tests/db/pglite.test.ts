import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { afterAll, describe, expect, it } from "vitest";
import { openPGlite } from "../../src/server/infra/db/database.ts";
import { fsyncCount } from "../../src/server/infra/db/pglite/durable-fs.ts";
import { PGLITE_SETTINGS } from "../../src/server/infra/db/pglite/settings.ts";
import { readTemplate, tarEntries, templatePath } from "../../src/server/infra/db/pglite/template.ts";

/**
 * The embedded database (src/server/infra/db/pglite): created from the template, run with the
 * settings that bound its memory, durable at commit, and crash-safe — a process killed with
 * SIGKILL while writing leaves every committed transaction and nothing of an unfinished one.
 */
const dirs: string[] = [];
const tempDir = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), "praxis-pglite-"));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

const settings = async (db: Awaited<ReturnType<typeof openPGlite>>["db"]) =>
  (
    await sql<Record<string, string>>`
      select current_setting('shared_buffers') as shared_buffers, current_setting('wal_level') as wal_level,
        current_setting('fsync') as fsync, current_setting('wal_sync_method') as wal_sync_method,
        current_setting('server_version_num') as version`.execute(db)
  ).rows[0]!;

describe.skipIf(process.env.PRAXIS_TEST_DB === "postgres")("the embedded database", () => {
  it("is created from the template shipped for the installed PGlite, with its settings", async () => {
    const template = templatePath();
    expect(template, "src/server/infra/db/pglite/template.tar.br is missing").not.toBeNull();
    const tar = readTemplate(template!);
    const members = new Map([...tarEntries(tar)].map((e) => [e.name, e]));
    const pgVersion = members.get("PG_VERSION")!;
    const dir = tempDir();
    const database = await openPGlite(dir);
    try {
      // a template from another PGlite would not start: the database would come from initdb
      expect(database.creation).toBe("template");
      const s = await settings(database.db);
      expect(tar.toString("utf8", pgVersion.offset, pgVersion.offset + pgVersion.size).trim()).toBe(
        String(Math.floor(Number(s.version) / 10000)),
      );
      expect(s).toMatchObject({
        shared_buffers: PGLITE_SETTINGS.shared_buffers,
        wal_level: "minimal",
        fsync: "on",
        wal_sync_method: "fsync",
      });
      expect(fs.existsSync(path.join(dir, "pgdata.creating"))).toBe(false);
    } finally {
      await database.close();
    }
    const again = await openPGlite(dir);
    expect(again.creation).toBe("existing");
    await again.close();
  });

  it("flushes every commit to the disk", async () => {
    const database = await openPGlite(tempDir());
    try {
      await sql`create table t (n integer)`.execute(database.db);
      const before = fsyncCount.value;
      for (let i = 0; i < 20; i++) await sql`insert into t values (${i})`.execute(database.db);
      expect(fsyncCount.value - before).toBeGreaterThanOrEqual(20);
      // a read-only query writes no WAL and syncs nothing
      const quiet = fsyncCount.value;
      await sql`select count(*) from t`.execute(database.db);
      expect(fsyncCount.value).toBe(quiet);
    } finally {
      await database.close();
    }
  });

  it("starts over from a creation that was interrupted", async () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, "pgdata.creating", "base"), { recursive: true });
    fs.writeFileSync(path.join(dir, "pgdata.creating", "PG_VERSION"), "half");
    const database = await openPGlite(dir);
    try {
      expect(database.creation).toBe("template");
      expect((await settings(database.db)).fsync).toBe("on");
    } finally {
      await database.close();
    }
    expect(fs.existsSync(path.join(dir, "pgdata.creating"))).toBe(false);
  });

  it("refuses a pgdata folder that holds something else", async () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, "pgdata"));
    fs.writeFileSync(path.join(dir, "pgdata", "notes.txt"), "mine");
    await expect(openPGlite(dir)).rejects.toThrow("not a PostgreSQL data directory");
    expect(fs.readFileSync(path.join(dir, "pgdata", "notes.txt"), "utf8")).toBe("mine");
  });

  it("keeps every committed transaction and nothing of an unfinished one when the process is killed", async () => {
    const dir = tempDir();
    let acknowledged = 0;
    for (let round = 1; round <= 3; round++) {
      const child = spawn(process.execPath, ["--import", "tsx", "tests/db/pglite-writer.ts", dir], {
        stdio: ["ignore", "pipe", "pipe"],
      });
      let stderr = "";
      child.stderr.on("data", (d) => {
        stderr += d;
      });
      const exited = new Promise<NodeJS.Signals | null>((resolve) =>
        child.once("exit", (_code, signal) => resolve(signal)),
      );
      // kill in the middle of the round's second big transaction, after ~20 commits
      await new Promise<void>((resolve, reject) => {
        let bigs = 0;
        let buffer = "";
        child.stdout.on("data", (d) => {
          buffer += d;
          const lines = buffer.split("\n");
          buffer = lines.pop() ?? "";
          for (const line of lines) {
            const m = /^committed (\d+)$/.exec(line);
            if (m) acknowledged = Math.max(acknowledged, Number(m[1]));
            if (line.startsWith("big transaction") && ++bigs === 2) {
              child.kill("SIGKILL");
              resolve();
            }
          }
        });
        child.once("exit", () => reject(new Error(`the writer stopped by itself: ${stderr}`)));
      });
      expect(await exited).toBe("SIGKILL");

      const database = await openPGlite(dir);
      try {
        const { rows } = await sql<{ n: number; max: number; big: number }>`
            select count(*)::int as n, coalesce(max(n), 0)::int as max, (select count(*)::int from uncommitted) as big
            from committed`.execute(database.db);
        // every acknowledged commit is there, in order, without a gap; the big one left nothing
        expect(rows[0]!.max, `round ${round}`).toBeGreaterThanOrEqual(acknowledged);
        expect(rows[0]!.n).toBe(rows[0]!.max);
        expect(rows[0]!.big).toBe(0);
        acknowledged = rows[0]!.max;
      } finally {
        await database.close();
      }
    }
  }, 180_000);
});
