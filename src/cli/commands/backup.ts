import fs from "node:fs";
import path from "node:path";
import { takeBackup } from "../../server/backup/backup.ts";
import { SYSTEM } from "../../server/infra/audit/audit.ts";
import { type Database, DatabaseUnavailableError, openDatabase } from "../../server/infra/db/database.ts";
import { CliError, type Command, configFrom, DB_HELP, DB_OPTIONS, parse } from "../common.ts";

export const backup: Command = {
  name: "backup",
  summary: "write a consistent backup of the whole database to a file",
  usage: `praxis backup --out FILE [options]

Writes every table of the database, read in one snapshot, to FILE (gzip'd JSON lines with a
manifest: format version, migrations, tables and row counts, the audit chain's head). The
server may keep serving: on PostgreSQL the snapshot does not block writers; the embedded
database is owned by its server while it runs, so take the backup from the server instead
(GET /api/backup as an administrator, see docs/backups.md) or stop it first. Indicator facts
and caches are not in the file: a restore rebuilds them. FILE must not exist; it appears only
when complete. Restore with praxis restore FILE.

  --out FILE             the backup file to write (e.g. praxis-$(date +%F).praxis-backup.gz)
${DB_HELP}`,
  async run(args) {
    const { values } = parse(args, { ...DB_OPTIONS, out: { type: "string" } });
    if (values.help) {
      console.log(this.usage);
      return 0;
    }
    if (!values.out) throw new CliError("--out FILE is required", 2);
    if (fs.existsSync(values.out))
      throw new CliError(`${values.out} already exists; choose a new file name`, 2);
    const dir = path.dirname(path.resolve(values.out));
    if (!fs.existsSync(dir)) throw new CliError(`the directory ${dir} does not exist`, 2);
    const config = configFrom(values);
    const database = await openForBackup(config);
    try {
      const result = await takeBackup(database.db, {
        file: values.out,
        source: database.kind,
        actor: SYSTEM,
      });
      const rows = result.manifest.tables.reduce((n, t) => n + t.rows, 0);
      if (!result.audited)
        console.error(
          "praxis backup: the database's schema is older than this Praxis: the backup is not in its audit log (run praxis migrate to bring it up to date)",
        );
      console.log(
        `backup written to ${values.out}: ${result.manifest.tables.length} tables, ${rows} rows, ${result.manifest.audit.entries} audit entries, ${(result.bytes / 1024).toFixed(0)} KiB (${(result.ms / 1000).toFixed(1)} s)`,
      );
      return 0;
    } catch (err) {
      throw new CliError((err as Error).message);
    } finally {
      await database.close();
    }
  },
};

/**
 * The database to back up, opened without migrating it (a backup writes nothing but its audit
 * entry). The embedded database must exist and be free: while a server holds it, say how to
 * take the backup from that server instead.
 */
export async function openForBackup(config: { databaseUrl?: string; dataDir: string }): Promise<Database> {
  if (!config.databaseUrl && !fs.existsSync(path.join(config.dataDir, "pgdata")))
    throw new CliError(`there is no embedded database in ${config.dataDir} (set --data-dir or DATABASE_URL)`);
  try {
    return await openDatabase(config);
  } catch (err) {
    if (!(err instanceof DatabaseUnavailableError)) throw err;
    const inUse = /in use by process (\d+)/.exec(err.message);
    if (inUse)
      throw new CliError(
        `the embedded database in ${config.dataDir} is served by process ${inUse[1]}: download the backup from that server (GET /api/backup as an administrator, see docs/backups.md), or stop it and run this again`,
      );
    throw new CliError(err.message);
  }
}
