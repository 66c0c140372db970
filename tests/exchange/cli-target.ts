import { spawnSync } from "node:child_process";
import path from "node:path";
import { type Database, openPGlite, openPostgres } from "../../src/server/infra/db/database.ts";
import { scratchSchema } from "../support/pg-admin.ts";
import { PRAXIS } from "../support/spawn.ts";
import { tempDir } from "./support.ts";

/**
 * A database for `praxis` child processes: an embedded data directory, or — in the PostgreSQL
 * project — a schema of its own, named in the connection string the child gets.
 */
export interface CliTarget {
  /** The options that point the CLI at the database. */
  args: string[];
  /** Open it from the test (after the child has exited, for PGlite). */
  open(): Promise<Database>;
  drop(): Promise<void>;
}

export async function cliTarget(): Promise<CliTarget> {
  const url = process.env.DATABASE_URL;
  if (process.env.PRAXIS_TEST_DB === "postgres" && url) {
    const { schema, drop } = await scratchSchema(url, "t_cli_");
    const u = new URL(url);
    u.searchParams.set("options", `-c search_path=${schema}`);
    return {
      args: ["--database-url", u.toString()],
      open: () => openPostgres(url, { schema, poolSize: 2 }),
      drop,
    };
  }
  const dir = path.join(tempDir("praxis-cli-db-"), "data");
  return { args: ["--data-dir", dir], open: () => openPGlite(dir), drop: async () => {} };
}

/** Run the CLI to completion (longer allowance than the shared helper: imports of big extracts). */
export function runPraxis(args: string[], timeoutMs = 600_000) {
  const env: NodeJS.ProcessEnv = { ...process.env, PRAXIS_LOG: "0" };
  delete env.DATABASE_URL;
  const r = spawnSync(process.execPath, [PRAXIS, ...args], { env, encoding: "utf8", timeout: timeoutMs });
  return { code: r.status, stdout: r.stdout ?? "", stderr: r.stderr ?? "" };
}
