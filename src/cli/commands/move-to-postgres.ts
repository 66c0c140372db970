import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { takeBackup } from "../../server/backup/backup.ts";
import { restoreBackup } from "../../server/backup/restore.ts";
import { SYSTEM } from "../../server/infra/audit/audit.ts";
import { DatabaseUnavailableError, openPostgres } from "../../server/infra/db/database.ts";
import { CliError, type Command, configFrom, parse } from "../common.ts";
import { openForBackup } from "./backup.ts";
import { asCliError } from "./restore.ts";

export const moveToPostgres: Command = {
  name: "move-to-postgres",
  summary: "copy the embedded database into an empty PostgreSQL database",
  usage: `praxis move-to-postgres --database-url URL [--data-dir DIR] [--keep FILE]

Copies the embedded database (PRAXIS_DATA_DIR) into the EMPTY PostgreSQL database at URL: a
backup of the embedded database restored there (all or nothing), so users, the audit chain and
every record move as they are and the indicator facts are rebuilt. Stop the server first: what
it wrote after the copy would stay behind. Afterwards start Praxis with DATABASE_URL=URL; the
embedded directory is left untouched (keep it until you have checked the new one).

  --database-url URL     the PostgreSQL database to fill (required; env DATABASE_URL is not used)
  --data-dir DIR         the embedded database directory (env PRAXIS_DATA_DIR, default ./data)
  --keep FILE            also keep the intermediate backup file as FILE`,
  async run(args) {
    const { values } = parse(args, {
      "data-dir": { type: "string" },
      "database-url": { type: "string" },
      keep: { type: "string" },
      help: { type: "boolean", short: "h" },
    });
    if (values.help) {
      console.log(this.usage);
      return 0;
    }
    const url = values["database-url"];
    if (!url) throw new CliError("--database-url URL is required", 2);
    if (values.keep && fs.existsSync(values.keep)) throw new CliError(`${values.keep} already exists`, 2);
    const config = configFrom({ "data-dir": values["data-dir"] });
    const source = config.databaseUrl ? { ...config, databaseUrl: undefined } : config;
    // the target first: an unreachable URL is reported before the source is read
    let target: Awaited<ReturnType<typeof openPostgres>>;
    try {
      target = await openPostgres(url, { connectTimeoutMs: config.dbConnectTimeoutMs });
    } catch (err) {
      if (err instanceof DatabaseUnavailableError) throw new CliError(err.message);
      throw err;
    }
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "praxis-move-"));
    const file = values.keep ?? path.join(dir, "embedded.praxis-backup.gz");
    try {
      const embedded = await openForBackup(source);
      try {
        await takeBackup(embedded.db, { file, source: "pglite", actor: SYSTEM });
      } finally {
        await embedded.close();
      }
      const result = await restoreBackup(target.db, file, SYSTEM);
      console.log(
        `moved the embedded database in ${source.dataDir} to ${target.location}: ${result.manifest.tables.length} tables, ${result.rows} rows; indicator facts rebuilt for ${result.programmesRebuilt} programmes (${(result.ms / 1000).toFixed(1)} s). Start Praxis with DATABASE_URL set to it.`,
      );
      return 0;
    } catch (err) {
      throw asCliError(err);
    } finally {
      await target.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};
