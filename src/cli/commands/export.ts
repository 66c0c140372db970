import path from "node:path";
import { exportToDirectory } from "../../server/exchange/export.ts";
import { SYSTEM } from "../../server/infra/audit/audit.ts";
import { CliError, type Command, configFrom, DB_HELP, DB_OPTIONS, parse, withDatabase } from "../common.ts";

export const exportCommand: Command = {
  name: "export",
  summary: "export a programme's data as CSV files in the exchange format",
  usage: `praxis export DIR --programme CODE [options]

Writes the programme's data to DIR (created if needed) as the eight CSV files of
EXCHANGE-FORMAT.md: its sites, the patients enrolled in it, their enrolments in the programme,
everything recorded for those patients (interventions, assessments, treatment plans), its groups
and the sites' professionals. Importing the directory changes nothing.

  --programme CODE   the programme to export
${DB_HELP}`,
  async run(args) {
    const { values, positionals } = parse(args, { ...DB_OPTIONS, programme: { type: "string" } }, true);
    if (values.help) {
      console.log(this.usage);
      return 0;
    }
    if (positionals.length !== 1 || !values.programme)
      throw new CliError(`usage: ${this.usage.split("\n")[0]}`, 2);
    const dir = path.resolve(positionals[0]!);
    const code = values.programme;
    return withDatabase(configFrom(values), async ({ db }) => {
      const programme = await db
        .selectFrom("programmes")
        .select(["id", "code"])
        .where("code", "=", code)
        .executeTakeFirst();
      if (!programme) throw new CliError(`no programme with code ${code}`);
      const started = performance.now();
      const counts = await exportToDirectory(db, programme, dir, SYSTEM);
      const total = Object.values(counts).reduce((n, c) => n + (c ?? 0), 0);
      for (const [file, rows] of Object.entries(counts))
        console.log(`${file.padEnd(20)} ${String(rows).padStart(10)}`);
      console.log(
        `${total} rows exported to ${dir} in ${((performance.now() - started) / 1000).toFixed(1)} s`,
      );
      return 0;
    });
  },
};
