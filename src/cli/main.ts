import { auditCommand } from "./commands/audit.ts";
import { demo } from "./commands/demo.ts";
import { exportCommand } from "./commands/export.ts";
import { importCommand } from "./commands/import.ts";
import { indicators } from "./commands/indicators.ts";
import { migrate } from "./commands/migrate.ts";
import { serve } from "./commands/serve.ts";
import { user } from "./commands/user.ts";
import { CliError, type Command } from "./common.ts";

const COMMANDS: Command[] = [
  serve,
  migrate,
  user,
  demo,
  auditCommand,
  indicators,
  importCommand,
  exportCommand,
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
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    console.error(`praxis: unknown command "${name}"\n\n${help()}`);
    return 2;
  }
  try {
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
