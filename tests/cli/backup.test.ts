import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { takeBackup } from "../../src/server/backup/backup.ts";
import { FORMAT, type Manifest } from "../../src/server/backup/format.ts";
import { readManifest, restoreBackup } from "../../src/server/backup/restore.ts";
import { isOmitted, tablesInForeignKeyOrder } from "../../src/server/backup/tables.ts";
import { generateDemoRegistry } from "../../src/server/demo/registry/index.ts";
import { seedDemoRegion } from "../../src/server/demo/seed-region.ts";
import { verifyStoredFacts } from "../../src/server/indicators/facts/verify-stored.ts";
import { computeProgrammeIndicators } from "../../src/server/indicators/service.ts";
import { audit, SYSTEM } from "../../src/server/infra/audit/audit.ts";
import { verifyAuditChain } from "../../src/server/infra/audit/verify.ts";
import { type Database, type Db, openPGlite, openPostgres } from "../../src/server/infra/db/database.ts";
import { migrateInTransaction, migrateToLatest, migrationNames } from "../../src/server/infra/db/migrate.ts";
import { scratchSchema } from "../support/pg-admin.ts";
import { analysed } from "../support/statistics.ts";

/**
 * Backups (issue 14): a round trip into an empty database keeps every table's rows, the
 * indicator catalogue and the audit chain; a backup taken while others write is one snapshot;
 * every bad input is refused with one line and writes nothing. Runs on PGlite and — in the
 * PostgreSQL project — on PostgreSQL (each database a schema of its own).
 */
const onPostgres = process.env.PRAXIS_TEST_DB === "postgres";
const AS_OF = "2026-06-15";
process.env.PRAXIS_AUDIT_KEY = "backup-test-key";

const dirs: string[] = [];
const tempDir = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), "praxis-backup-"));
  dirs.push(d);
  return d;
};
const opened: Database[] = [];

/** A database with no tables at all: PGlite in memory, or a new schema of DATABASE_URL's. */
async function openBlank(): Promise<Database> {
  let database: Database;
  if (onPostgres) {
    const url = process.env.DATABASE_URL!;
    const { schema, drop } = await scratchSchema(url, "t_");
    const inner = await openPostgres(url, { schema, poolSize: 4 });
    database = {
      ...inner,
      close: async () => {
        await inner.close();
        await drop();
      },
    };
  } else {
    database = await openPGlite(undefined);
  }
  opened.push(database);
  return database;
}

async function openMigrated(): Promise<Database> {
  const database = await openBlank();
  await migrateToLatest(database.db);
  return database;
}

async function counts(db: Db): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of await tablesInForeignKeyOrder(db)) {
    if (isOmitted(t)) continue;
    const { rows } = await sql<{ n: number }>`select count(*) as n from ${sql.table(t)}`.execute(db);
    out[t] = Number(rows[0]!.n);
  }
  return out;
}

async function catalogue(db: Db) {
  const programmes = await db.selectFrom("programmes").select(["id", "code"]).orderBy("code").execute();
  const out: Record<string, unknown> = {};
  for (const p of programmes) out[p.code] = (await computeProgrammeIndicators(db, p.id, AS_OF))?.records;
  return out;
}

/** Write a backup file by hand (for damaged and foreign files). */
function writeGz(file: string, lines: string[]) {
  fs.writeFileSync(file, zlib.gzipSync(`${lines.join("\n")}\n`));
}
function readLines(file: string): string[] {
  return zlib.gunzipSync(fs.readFileSync(file)).toString("utf8").trimEnd().split("\n");
}

let source: Database;
let dir: string;
let good: string;
let manifest: Manifest;

beforeAll(async () => {
  dir = tempDir();
  source = await openMigrated();
  await seedDemoRegion(source.db, SYSTEM, AS_OF);
  await generateDemoRegistry(source.db, { patients: 30, seed: 3, asOf: AS_OF });
  good = path.join(dir, "good.praxis-backup.gz");
  manifest = (await takeBackup(source.db, { file: good, source: source.kind, actor: SYSTEM })).manifest;
}, 120_000);

afterAll(async () => {
  for (const d of opened) await d.close().catch(() => {});
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

describe("praxis backup and restore", () => {
  it("writes a manifest: format, migrations, every table but the derived and transient ones, counts", async () => {
    expect(manifest).toMatchObject({ format: FORMAT, formatVersion: 1, source: source.kind });
    expect(manifest.migrations).toEqual(migrationNames());
    const names = manifest.tables.map((t) => t.name);
    expect(names).toContain("audit_log");
    expect(names).toContain("interventions");
    expect(names).not.toContain("indicator_enrolment_facts");
    expect(names).not.toContain("sessions");
    // foreign-key order: a table after those it references
    expect(names.indexOf("patients")).toBeLessThan(names.indexOf("enrolments"));
    expect(names.indexOf("programmes")).toBeLessThan(names.indexOf("enrolments"));
    expect(manifest.omitted).toContain("indicator_site_days");
    expect(manifest.tables.find((t) => t.name === "interventions")!.rows).toBeGreaterThan(100);
    // the backup itself is audited, after its snapshot
    const last = await source.db
      .selectFrom("audit_log")
      .select(["action", "seq"])
      .orderBy("seq", "desc")
      .limit(1)
      .executeTakeFirstOrThrow();
    expect(last).toMatchObject({ action: "backup", seq: manifest.audit.entries + 1 });
  });

  it("round trip into a database with no tables: every table's rows, the catalogue, the audit chain", async () => {
    const target = await openBlank();
    const result = await restoreBackup(target.db, good, SYSTEM);
    expect(result.migrated).toEqual([]);
    expect(result.programmesRebuilt).toBe(2);
    const expected = Object.fromEntries(manifest.tables.map((t) => [t.name, t.rows]));
    expected.audit_log! += 1; // the restore's own entry
    expect(await counts(target.db)).toEqual(expected);
    expect(await catalogue(target.db)).toEqual(await catalogue(source.db));
    const chain = await verifyAuditChain(target.db);
    expect(chain).toMatchObject({ ok: true, entries: manifest.audit.entries + 1 });
    // a checkpoint of the original's chain at the backup still holds on the restored database
    const checkpoint = {
      entries: manifest.audit.entries,
      hash: manifest.audit.hash!,
      scheme: "hmac-sha256",
      at: manifest.createdAt,
    };
    expect((await verifyAuditChain(target.db, 5000, checkpoint)).ok).toBe(true);
    const restoreEntry = await target.db
      .selectFrom("audit_log")
      .selectAll()
      .orderBy("seq", "desc")
      .limit(1)
      .executeTakeFirstOrThrow();
    expect(restoreEntry).toMatchObject({ action: "restore", entity: "database", scheme: "hmac-sha256" });
    // the facts were rebuilt exactly (the deep verification finds no stored difference)
    for (const p of await target.db.selectFrom("programmes").select("id").execute())
      expect(await verifyStoredFacts(target.db, p.id)).toEqual([]);
    // the planner knows what was loaded (PGlite has no autovacuum to find out)
    expect(await analysed(target.db, ["interventions", "enrolments", "indicator_enrolment_facts"])).toEqual({
      interventions: true,
      enrolments: true,
      indicator_enrolment_facts: true,
    });
    // sequences: a new row gets a fresh id
    const region = await target.db
      .insertInto("regions")
      .values({ code: "NEW", name: "New" })
      .returning("id")
      .executeTakeFirstOrThrow();
    const max = await source.db
      .selectFrom("regions")
      .select((eb) => eb.fn.max("id").as("m"))
      .executeTakeFirstOrThrow();
    expect(region.id).toBeGreaterThan(Number(max.m));
  }, 60_000);

  it("restores into an empty, migrated database as well", async () => {
    const target = await openMigrated();
    await restoreBackup(target.db, good, SYSTEM);
    expect((await verifyAuditChain(target.db)).ok).toBe(true);
  }, 60_000);

  it("is one snapshot while others write", async () => {
    const busy = await openMigrated();
    await seedDemoRegion(busy.db, SYSTEM, AS_OF);
    let writing = true;
    let writes = 0;
    const writer = (async () => {
      while (writing) {
        await busy.db.transaction().execute(async (trx) => {
          await trx
            .insertInto("regions")
            .values({ code: `R${writes}`, name: "concurrent" })
            .execute();
          await audit(trx, SYSTEM, { action: "create", entity: "test_region", entityId: `R${writes}` });
        });
        writes++;
        await new Promise((r) => setImmediate(r));
      }
    })();
    const file = path.join(dir, "busy.praxis-backup.gz");
    try {
      await new Promise((r) => setTimeout(r, 200));
      const m = (await takeBackup(busy.db, { file, source: busy.kind, actor: SYSTEM })).manifest;
      await new Promise((r) => setTimeout(r, 200));
      writing = false;
      await writer;
      expect(writes).toBeGreaterThan(0);
      // regions and their audit entries were written together: the snapshot has as many of each
      const regions = m.tables.find((t) => t.name === "regions")!.rows;
      const target = await openBlank();
      await restoreBackup(target.db, file, SYSTEM);
      const got = await counts(target.db);
      expect(got.regions).toBe(regions);
      expect(got.audit_log).toBe(m.audit.entries + 1);
      const created = await target.db
        .selectFrom("audit_log")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("entity", "=", "test_region")
        .executeTakeFirstOrThrow();
      expect(Number(created.n)).toBe(regions - 1); // all but the demo region
      expect((await verifyAuditChain(target.db)).ok).toBe(true);
    } finally {
      writing = false;
      await writer;
    }
  }, 60_000);

  it("migrates a backup of an older schema after loading it", async () => {
    const old = await openBlank();
    const older = migrationNames().filter((m) => m !== "0013_hardening");
    await old.db.transaction().execute((trx) => migrateInTransaction(trx, older));
    await sql`insert into regions (code, name) values ('OLD', 'Old region')`.execute(old.db);
    const file = path.join(dir, "old.praxis-backup.gz");
    // an older schema cannot take this version's audit entry: the backup says it is not audited
    expect((await takeBackup(old.db, { file, source: old.kind, actor: SYSTEM })).audited).toBe(false);
    expect((await readManifest(file)).migrations).toEqual(older);
    const target = await openBlank();
    const result = await restoreBackup(target.db, file, SYSTEM);
    expect(result.migrated).toEqual(["0013_hardening"]);
    const regions = await target.db.selectFrom("regions").select("code").execute();
    expect(regions).toEqual([{ code: "OLD" }]);
    expect((await verifyAuditChain(target.db)).ok).toBe(true);
  }, 60_000);

  describe("refusals: one line, nothing written", () => {
    let target: Database;
    beforeAll(async () => {
      target = await openBlank();
    });

    async function refused(file: string, message: RegExp) {
      await expect(restoreBackup(target.db, file, SYSTEM)).rejects.toThrow(message);
      // all or nothing: the target is still empty (no table has a row)
      for (const [t, n] of Object.entries(await counts(target.db).catch(() => ({})))) expect(n, t).toBe(0);
    }

    it("a non-empty target", async () => {
      await expect(restoreBackup(source.db, good, SYSTEM)).rejects.toThrow(
        /^the target database is not empty \(table \w+ has rows\); restore only into an empty database$/,
      );
    });

    it("a truncated file", async () => {
      const file = path.join(dir, "truncated.gz");
      const bytes = fs.readFileSync(good);
      fs.writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length * 0.7)));
      await refused(file, /truncated/);
    });

    it("a file cut at a line (valid gzip, no end)", async () => {
      const file = path.join(dir, "cut.gz");
      const lines = readLines(good);
      writeGz(file, lines.slice(0, lines.length - 20));
      await refused(file, /truncated/);
    });

    it("a corrupt file (a byte changed)", async () => {
      const file = path.join(dir, "corrupt.gz");
      const bytes = Buffer.from(fs.readFileSync(good));
      const at = Math.floor(bytes.length / 2);
      bytes[at] = bytes[at]! ^ 0xff;
      fs.writeFileSync(file, bytes);
      await refused(file, /damaged|truncated|not a Praxis backup/);
    });

    it("a row altered (valid gzip, wrong checksum)", async () => {
      const file = path.join(dir, "altered.gz");
      const lines = readLines(good);
      const i = lines.findIndex((l) => l.includes('"code": "BPD') || l.includes('"code":"BPD'));
      expect(i).toBeGreaterThan(0);
      lines[i] = lines[i]!.replace("BPD", "XPD");
      writeGz(file, lines);
      await refused(file, /does not match its checksum/);
    });

    it("a foreign file", async () => {
      const text = path.join(dir, "notes.txt");
      fs.writeFileSync(text, "hello\n");
      await refused(text, /not a Praxis backup \(not a gzip file\)/);
      const gz = path.join(dir, "other.gz");
      writeGz(gz, ['{"hello":"world"}']);
      await refused(gz, /not a Praxis backup/);
      await refused(path.join(dir, "missing.gz"), /no such file/);
    });

    it("another format version, or a newer Praxis's migration", async () => {
      const lines = readLines(good);
      const m = JSON.parse(lines[0]!) as Manifest;
      const v2 = path.join(dir, "v2.gz");
      writeGz(v2, [JSON.stringify({ ...m, formatVersion: 2 }), ...lines.slice(1)]);
      await refused(v2, /format version 2; this Praxis reads version 1/);
      const newer = path.join(dir, "newer.gz");
      writeGz(newer, [
        JSON.stringify({ ...m, migrations: [...m.migrations, "0099_future"] }),
        ...lines.slice(1),
      ]);
      await refused(newer, /newer Praxis \(migration 0099_future is unknown here\)/);
    });

    it("a target whose schema is newer than the backup's", async () => {
      const old = path.join(dir, "old.praxis-backup.gz");
      const migrated = await openMigrated();
      await expect(restoreBackup(migrated.db, old, SYSTEM)).rejects.toThrow(
        /schema is newer than the backup's \(it has migration 0013_hardening\)/,
      );
    });
  });
});
