import { type ParseArgsConfig, parseArgs } from "node:util";
import { type Config, loadConfig } from "../server/infra/config.ts";
import { type Database, DatabaseUnavailableError, openDatabase } from "../server/infra/db/database.ts";
import { migrateToLatest } from "../server/infra/db/migrate.ts";
import { CliError } from "./cli-error.ts";

export { CliError };

export interface Command {
  name: string;
  summary: string;
  usage: string;
  run(args: string[]): Promise<number>;
}

/** Options every command that touches the database accepts. */
export const DB_OPTIONS = {
  "data-dir": { type: "string" },
  "database-url": { type: "string" },
  help: { type: "boolean", short: "h" },
} as const satisfies ParseArgsConfig["options"];

export const DB_HELP = `  --data-dir DIR        embedded database directory (env PRAXIS_DATA_DIR, default ./data)
  --database-url URL     use this PostgreSQL server instead (env DATABASE_URL)`;

export function parse<O extends NonNullable<ParseArgsConfig["options"]>>(
  args: string[],
  options: O,
  allowPositionals = false,
) {
  try {
    return parseArgs({ args, options, allowPositionals, strict: true });
  } catch (err) {
    throw new CliError((err as Error).message, 2);
  }
}

export function configFrom(values: {
  "data-dir"?: string;
  "database-url"?: string;
  port?: string;
  host?: string;
}): Config {
  const env = { ...process.env };
  if (values["data-dir"]) env.PRAXIS_DATA_DIR = values["data-dir"];
  if (values["database-url"]) env.DATABASE_URL = values["database-url"];
  if (values.port) env.PORT = values.port;
  if (values.host) env.HOST = values.host;
  try {
    return loadConfig(env);
  } catch (err) {
    throw new CliError((err as Error).message, 2);
  }
}

/** Open the configured database and bring its schema up to date. */
export async function openMigrated(config: Config, options: { serving?: boolean } = {}): Promise<Database> {
  let database: Database;
  try {
    database = await openDatabase(config, options);
  } catch (err) {
    if (err instanceof DatabaseUnavailableError) throw new CliError(err.message);
    throw err;
  }
  try {
    await migrateToLatest(database.db);
  } catch (err) {
    await database.close();
    throw new CliError((err as Error).message);
  }
  return database;
}

export async function withDatabase<T>(config: Config, fn: (database: Database) => Promise<T>): Promise<T> {
  const database = await openMigrated(config);
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}
