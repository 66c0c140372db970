import fs from "node:fs";
import path from "node:path";
import { BackupFormatError } from "../../server/backup/format.ts";
import { RestoreRefused, readManifest, restoreBackup } from "../../server/backup/restore.ts";
import { SYSTEM } from "../../server/infra/audit/audit.ts";
import { type Database, DatabaseUnavailableError, openDatabase } from "../../server/infra/db/database.ts";
import { CliError, type Command, configFrom, DB_HELP, DB_OPTIONS, parse } from "../common.ts";

export const restore: Command = {
  name: "restore",
  summary: "restore a backup into an empty database",
  usage: `praxis restore FILE [options]

Restores a backup written by praxis backup into an EMPTY database (a new --data-dir, or a new
PostgreSQL database): a database with rows in any table is refused. In one transaction, all or
nothing: the schema of the backup, every table's rows, the migrations this version adds if the
backup is older, sequences, the indicator facts rebuilt for every programme, and an audit entry.
The audit chain verifies afterwards with the same PRAXIS_AUDIT_KEY as the original's.

${DB_HELP}`,
  async run(args) {
    const { values, positionals } = parse(args, DB_OPTIONS, true);
    if (values.help) {
      console.log(this.usage);
      return 0;
    }
    if (positionals.length !== 1) throw new CliError(`usage: ${this.usage.split("\n")[0]}`, 2);
    const file = positionals[0]!;
    const config = configFrom(values);
    const database = await openTarget(config, file);
    try {
      const result = await restoreBackup(database.db, file, SYSTEM);
      console.log(
        `restored ${file} (taken ${result.manifest.createdAt}) into ${database.location}: ${result.manifest.tables.length} tables, ${result.rows} rows` +
          (result.migrated.length ? `, then migrated: ${result.migrated.join(", ")}` : "") +
          `; indicator facts rebuilt for ${result.programmesRebuilt} programmes (${(result.ms / 1000).toFixed(1)} s)`,
      );
      return 0;
    } catch (err) {
      throw asCliError(err);
    } finally {
      await database.close();
    }
  },
};

/** Open the target without migrating it (the restore brings the schema); check the file first. */
export async function openTarget(
  config: { databaseUrl?: string; dataDir: string },
  file: string,
): Promise<Database> {
  if (!fs.existsSync(file)) throw new CliError(`${file}: no such file`, 2);
  // a file that is no backup is refused before a database is opened (or a directory made)
  await readManifest(file).catch((err: unknown) => {
    throw asCliError(err);
  });
  try {
    // a new embedded database: its directory is made here (and left empty if the restore fails)
    if (!config.databaseUrl) fs.mkdirSync(path.resolve(config.dataDir), { recursive: true });
    return await openDatabase(config);
  } catch (err) {
    if (err instanceof DatabaseUnavailableError) throw new CliError(err.message);
    throw err;
  }
}

export function asCliError(err: unknown): CliError {
  if (err instanceof CliError) return err;
  if (err instanceof BackupFormatError || err instanceof RestoreRefused) return new CliError(err.message);
  const message = (err as Error).message ?? String(err);
  return new CliError(`restore failed, nothing was written: ${message.split("\n")[0]}`);
}
