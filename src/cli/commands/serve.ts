import { buildApp } from "../../server/app.ts";
import { demoToday } from "../../server/demo/as-of.ts";
import { generateDemoRegistry } from "../../server/demo/registry/index.ts";
import { isEmpty, seedDemoRegion } from "../../server/demo/seed-region.ts";
import { SYSTEM } from "../../server/infra/audit/audit.ts";
import { type Command, configFrom, DB_HELP, DB_OPTIONS, openMigrated, parse } from "../common.ts";

export const serve: Command = {
  name: "serve",
  summary: "start the web app and API",
  usage: `praxis serve [options]

Starts Praxis. On the embedded database, an empty database gets the demo region on first start
(turn off with --no-demo or PRAXIS_DEMO=0); on PostgreSQL, only with --demo.

  --port N               port to listen on (env PORT, default 8080)
  --host ADDR            address to bind (env HOST, default 0.0.0.0)
  --demo / --no-demo     create the demo region in an empty database
${DB_HELP}`,
  async run(args) {
    const { values } = parse(args, {
      ...DB_OPTIONS,
      port: { type: "string" },
      host: { type: "string" },
      demo: { type: "boolean" },
      "no-demo": { type: "boolean" },
    });
    if (values.help) {
      console.log(this.usage);
      return 0;
    }
    const config = configFrom(values);
    const started = Date.now();
    const database = await openMigrated(config);
    const wantDemo = values["no-demo"]
      ? false
      : (values.demo ?? (database.kind === "pglite" && process.env.PRAXIS_DEMO !== "0"));
    let demo: { users: string[]; password: string; patients?: number } | null = null;
    if (wantDemo && (await isEmpty(database.db))) {
      const asOf = demoToday();
      demo = await seedDemoRegion(database.db, SYSTEM, asOf);
      const registry = await generateDemoRegistry(database.db, {
        asOf,
        copyUrl: database.kind === "postgresql" ? config.databaseUrl : undefined,
      });
      demo.patients = registry.patients;
    }
    const app = await buildApp({ database, config }, { logger: process.env.PRAXIS_LOG !== "0" });
    const shutdown = async (signal: string) => {
      app.log.info(`${signal}: shutting down`);
      await app.close();
      await database.close();
      process.exit(0);
    };
    process.once("SIGINT", () => void shutdown("SIGINT"));
    process.once("SIGTERM", () => void shutdown("SIGTERM"));
    await app.listen({ port: config.port, host: config.host });
    const url = `http://${config.host === "0.0.0.0" ? "localhost" : config.host}:${config.port}`;
    const lines = [
      "",
      `Praxis is running at ${url}  (database: ${database.kind === "pglite" ? `embedded, ${database.location}` : database.location}; ready in ${Date.now() - started} ms)`,
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
    return new Promise<number>(() => {});
  },
};
