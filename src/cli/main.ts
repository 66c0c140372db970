import { CliError } from "./cli-error.ts";
import type { Command } from "./common.ts";

/**
 * The commands, each loaded only when run: `praxis --help` (and any one command) does not load
 * the server, the database drivers or the other commands. The summaries are the commands' own
 * (tests/cli/commands.test.ts checks they agree).
 */
export const COMMANDS: Array<{ name: string; summary: string; load(): Promise<Command> }> = [
  {
    name: "serve",
    summary: "start the web app and API",
    load: async () => (await import("./commands/serve.ts")).serve,
  },
  {
    name: "migrate",
    summary: "bring the database schema up to date",
    load: async () => (await import("./commands/migrate.ts")).migrate,
  },
  {
    name: "user",
    summary: "manage accounts (user add)",
    load: async () => (await import("./commands/user.ts")).user,
  },
  {
    name: "demo",
    summary: "create the demo region in an empty database",
    load: async () => (await import("./commands/demo.ts")).demo,
  },
  {
    name: "audit",
    summary: "check the audit log (audit verify), record its head (audit checkpoint)",
    load: async () => (await import("./commands/audit.ts")).auditCommand,
  },
  {
    name: "indicators",
    summary: "compute a programme's indicators as of a date (JSON or CSV); verify or rebuild its facts",
    load: async () => (await import("./commands/indicators.ts")).indicators,
  },
  {
    name: "import",
    summary: "import a directory of CSV files in the exchange format",
    load: async () => (await import("./commands/import.ts")).importCommand,
  },
  {
    name: "export",
    summary: "export a programme's data as CSV files in the exchange format, or as FHIR R4 NDJSON",
    load: async () => (await import("./commands/export.ts")).exportCommand,
  },
  {
    name: "report",
    summary: "write a programme's monitoring report over a period (PDF or HTML)",
    load: async () => (await import("./commands/report.ts")).report,
  },
  {
    name: "backup",
    summary: "write a consistent backup of the whole database to a file",
    load: async () => (await import("./commands/backup.ts")).backup,
  },
  {
    name: "restore",
    summary: "restore a backup into an empty database",
    load: async () => (await import("./commands/restore.ts")).restore,
  },
  {
    name: "move-to-postgres",
    summary: "copy the embedded database into an empty PostgreSQL database",
    load: async () => (await import("./commands/move-to-postgres.ts")).moveToPostgres,
  },
];

function help(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return `praxis — plan, record and monitor evidence-based mental-health practice

usage: praxis COMMAND [options]      (praxis COMMAND --help for its options)

${COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join("\n")}

Configuration: PORT, HOST, PRAXIS_DATA_DIR (embedded database, default ./data), DATABASE_URL
(a PostgreSQL server instead). Flags override the environment.`;
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    console.log(help());
    return name ? 0 : 2;
  }
  const entry = COMMANDS.find((c) => c.name === name);
  if (!entry) {
    console.error(`praxis: unknown command "${name}"\n\n${help()}`);
    return 2;
  }
  try {
    const command = await entry.load();
    return await command.run(args);
  } catch (err) {
    if (err instanceof CliError) {
      console.error(`praxis ${name}: ${err.message}`);
      return err.exitCode;
    }
    console.error(`praxis ${name}: ${(err as Error).stack ?? err}`);
    return 1;
  }
}
