import fs from "node:fs";
import path from "node:path";
import { listImportFiles, runImport } from "../../server/exchange/import.ts";
import { formatRejection, formatSummary } from "../../server/exchange/report.ts";
import { SYSTEM } from "../../server/infra/audit/audit.ts";
import { CliError, type Command, configFrom, DB_HELP, DB_OPTIONS, parse, withDatabase } from "../common.ts";

const OPTIONS = {
  ...DB_OPTIONS,
  "create-programmes": { type: "boolean" },
  "ignore-unknown-columns": { type: "boolean" },
  "dry-run": { type: "boolean" },
  region: { type: "string" },
} as const;

export const importCommand: Command = {
  name: "import",
  summary: "import a directory of CSV files in the exchange format",
  usage: `praxis import DIR [options]

Imports the CSV files of DIR (EXCHANGE-FORMAT.md: sites.csv, patients.csv and enrolments.csv are
required; groups, professionals, interventions, assessments and treatment_plans.csv are optional).
All or nothing: every problem in every file is reported as file:line: column: message and, if
there is any, nothing is written (exit code 1). Rows are keyed by their codes, so importing the
same directory twice changes nothing.

  --create-programmes        create each unknown programme_code (a practice of the same code,
                             base taxonomy, default parameters)
  --ignore-unknown-columns   ignore columns the format does not define instead of refusing them
  --dry-run                  check and write everything, then roll back: exact counts, no change
  --region CODE              region of new sites and programmes (needed only when the database
                             holds several regions)
${DB_HELP}`,
  async run(args) {
    const { values, positionals } = parse(args, OPTIONS, true);
    if (values.help) {
      console.log(this.usage);
      return 0;
    }
    if (positionals.length !== 1) throw new CliError(`usage: ${this.usage.split("\n")[0]}`, 2);
    const dir = path.resolve(positionals[0]!);
    if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory())
      throw new CliError(`${dir} is not a directory`, 2);
    const files = listImportFiles(dir);
    const config = configFrom(values);
    return withDatabase(config, async (database) => {
      const result = await runImport(database, {
        files,
        source: dir,
        options: {
          createProgrammes: values["create-programmes"] ?? false,
          ignoreUnknownColumns: values["ignore-unknown-columns"] ?? false,
          region: values.region,
        },
        dryRun: values["dry-run"] ?? false,
        actor: SYSTEM,
        databaseUrl: config.databaseUrl,
        onPhase: (phase) => console.error(phase === "writing" ? "writing…" : `validating ${dir}…`),
        onStep: process.env.PRAXIS_IMPORT_TRACE
          ? (step, ms) =>
              console.error(`  ${step}: ${ms} ms, rss ${Math.round(process.memoryUsage().rss / 1e6)} MB`)
          : undefined,
      });
      if (result.status === "rejected") {
        console.log(formatRejection(result.problems));
        console.error(
          `praxis import: rejected: ${result.problems.size} problem${result.problems.size === 1 ? "" : "s"}; nothing was written`,
        );
        return 1;
      }
      console.log(formatSummary(result.counts, result.elapsedMs));
      if (result.dryRun) console.log("dry run: nothing was written");
      return 0;
    });
  },
};
