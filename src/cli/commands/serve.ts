import cluster from "node:cluster";
import os from "node:os";
import { buildApp } from "../../server/app.ts";
import type { Config } from "../../server/infra/config.ts";
import { type Database, DatabaseUnavailableError, openDatabase } from "../../server/infra/db/database.ts";
import { startStatisticsUpkeep } from "../../server/infra/db/statistics.ts";
import { CliError, type Command, configFrom, DB_HELP, DB_OPTIONS, openMigrated, parse } from "../common.ts";
import { superviseWorkers, type WorkerMessage } from "../workers.ts";

export const serve: Command = {
  name: "serve",
  summary: "start the web app and API",
  usage: `praxis serve [options]

Starts Praxis. On the embedded database, an empty database gets the demo region on first start
(turn off with --no-demo or PRAXIS_DEMO=0); on PostgreSQL, only with --demo. The demo comes with
its planning artefacts, questionnaire rounds, fidelity reviews and training courses; with
PRAXIS_DEMO_ARTEFACTS=0 it is the bare region and registry (what the browser tests start from).

  --port N               port to listen on (env PORT, default 8080)
  --host ADDR            address to bind (env HOST, default 0.0.0.0)
  --workers N            server processes sharing the port (env PRAXIS_WORKERS); PostgreSQL
                         only, default the number of cores; the embedded database is one process
  --demo / --no-demo     create the demo region in an empty database
${DB_HELP}`,
  async run(args) {
    const { values } = parse(args, {
      ...DB_OPTIONS,
      port: { type: "string" },
      host: { type: "string" },
      workers: { type: "string" },
      demo: { type: "boolean" },
      "no-demo": { type: "boolean" },
    });
    if (values.help) {
      console.log(this.usage);
      return 0;
    }
    const config = configFrom(values);
    if (cluster.isWorker) return runWorker(config);
    const workers = workerCount(values.workers ?? process.env.PRAXIS_WORKERS, config);
    const started = Date.now();
    const database = await openMigrated(config, { serving: true });
    const demo = await maybeSeedDemo(database, config, values);
    if (workers === 1) return serveInProcess(database, config, started, demo);
    // the schema is up to date and the demo written: workers only open the database and listen
    await database.close();
    await superviseWorkers(workers, (ready) => banner(config, database, started, demo, ready));
    return new Promise<number>(() => {});
  },
};

/**
 * How many server processes: `--workers` / PRAXIS_WORKERS, or one per core on PostgreSQL and
 * one on PGlite (which owns its data directory from one process, so more is refused).
 */
export function workerCount(
  option: string | undefined,
  config: Pick<Config, "databaseUrl">,
  cores = os.availableParallelism(),
): number {
  if (option === undefined || option === "") return config.databaseUrl ? cores : 1;
  const n = Number(option);
  if (!Number.isInteger(n) || n < 1 || n > 256) {
    throw new CliError(`--workers must be a whole number from 1 to 256, got "${option}"`, 2);
  }
  if (n > 1 && !config.databaseUrl) {
    throw new CliError(
      `--workers ${n} needs PostgreSQL (DATABASE_URL or --database-url): the embedded database is used by one process only`,
      2,
    );
  }
  return n;
}

type Demo = { users: string[]; password: string; patients?: number } | null;

async function maybeSeedDemo(
  database: Database,
  config: Config,
  values: { demo?: boolean; "no-demo"?: boolean },
): Promise<Demo> {
  const wantDemo = values["no-demo"]
    ? false
    : (values.demo ?? (database.kind === "pglite" && process.env.PRAXIS_DEMO !== "0"));
  if (!wantDemo) return null;
  // loaded only here: a start with existing data does not pay for the demo's code
  const { isEmpty, seedDemoRegion } = await import("../../server/demo/seed-region.ts");
  if (!(await isEmpty(database.db))) return null;
  const { generateDemoRegistry } = await import("../../server/demo/registry/index.ts");
  const { SYSTEM } = await import("../../server/infra/audit/audit.ts");
  const { demoToday } = await import("../../server/demo/as-of.ts");
  const asOf = demoToday();
  const demo: NonNullable<Demo> = await seedDemoRegion(database.db, SYSTEM, asOf);
  const registry = await generateDemoRegistry(database.db, {
    asOf,
    copyUrl: database.kind === "postgresql" ? config.databaseUrl : undefined,
  });
  demo.patients = registry.patients;
  if (process.env.PRAXIS_DEMO_ARTEFACTS !== "0") {
    const { seedDemoArtefacts } = await import("../../server/demo/artefacts/index.ts");
    await seedDemoArtefacts(database.db, { seed: registry.seed, asOf });
  }
  return demo;
}

async function serveInProcess(database: Database, config: Config, started: number, demo: Demo) {
  const app = await buildApp({ database, config }, { logger: process.env.PRAXIS_LOG !== "0" });
  // the embedded database has no autovacuum to keep the planner's statistics (PostgreSQL has)
  const stopUpkeep =
    database.kind === "pglite"
      ? startStatisticsUpkeep(database.db, {
          everyMinutes: config.statisticsEveryMinutes,
          log: (msg, err) => (err ? app.log.error({ err }, msg) : app.log.info(msg)),
        })
      : () => {};
  const shutdown = async (signal: string) => {
    app.log.info(`${signal}: shutting down`);
    stopUpkeep();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once("SIGINT", () => void shutdown("SIGINT"));
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
  await app.listen({ port: config.port, host: config.host });
  banner(config, database, started, demo, 1);
  return new Promise<number>(() => {});
}

/** A worker of `serve --workers N`: opens the migrated database, listens on the shared port. */
async function runWorker(config: Config): Promise<number> {
  try {
    const database = await openDatabase(config, { serving: true });
    const app = await buildApp({ database, config }, { logger: process.env.PRAXIS_LOG !== "0" });
    const shutdown = async () => {
      await app.close();
      await database.close();
      process.exit(0);
    };
    // the primary forwards SIGTERM; a terminal's Ctrl-C reaches every process of the group
    process.once("SIGINT", () => void shutdown());
    process.once("SIGTERM", () => void shutdown());
    await app.listen({ port: config.port, host: config.host });
    process.send?.({ type: "listening" } satisfies WorkerMessage);
  } catch (err) {
    const message =
      err instanceof DatabaseUnavailableError ? err.message : ((err as Error).stack ?? String(err));
    console.error(`praxis serve (worker ${process.pid}): ${message}`);
    process.exit(1);
  }
  return new Promise<number>(() => {});
}

function banner(config: Config, database: Database, started: number, demo: Demo, workers: number) {
  const url = `http://${config.host === "0.0.0.0" ? "localhost" : config.host}:${config.port}`;
  const where = database.kind === "pglite" ? `embedded, ${database.location}` : database.location;
  const lines = [
    "",
    `Praxis is running at ${url}  (database: ${where}; ${workers === 1 ? "one process" : `${workers} worker processes`}; ready in ${Date.now() - started} ms)`,
    `API documentation: ${url}/api/docs`,
  ];
  if (demo) {
    lines.push(
      "",
      `A demo region was created (18 sites in 6 areas, a BPD and an IMR programme, care for ${demo.patients} patients up to yesterday).`,
      `Log in as one of: ${demo.users.join(", ")} — password: ${demo.password}`,
    );
  }
  console.log(lines.join("\n"));
  if (!process.env.PRAXIS_AUDIT_KEY) {
    console.warn(
      "Warning: PRAXIS_AUDIT_KEY is not set, so the audit log is chained with plain SHA-256, which anyone who can write to the database can recompute. Set a secret key (docs/operations.md, Audit).",
    );
  }
}
