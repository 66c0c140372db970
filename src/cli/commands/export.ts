import path from "node:path";
import { exportToDirectory } from "../../server/exchange/export.ts";
import { exportFhirToDirectory } from "../../server/fhir/export-fhir.ts";
import { checkPeriod } from "../../server/fhir/period.ts";
import { SYSTEM } from "../../server/infra/audit/audit.ts";
import { CliError, type Command, configFrom, DB_HELP, DB_OPTIONS, parse, withDatabase } from "../common.ts";

const FORMATS = ["csv", "fhir"] as const;

export const exportCommand: Command = {
  name: "export",
  summary: "export a programme's data as CSV files in the exchange format, or as FHIR R4 NDJSON",
  usage: `praxis export DIR --programme CODE [--format csv|fhir] [--from YYYY-MM-DD --to YYYY-MM-DD] [options]

csv (default): writes the programme's data to DIR (created if needed) as the eight CSV files of
EXCHANGE-FORMAT.md: its sites, the patients enrolled in it, their enrolments in the programme,
everything recorded for those patients (interventions, assessments, treatment plans), its groups
and the sites' professionals. Importing the directory changes nothing.

fhir: writes the programme's data for the period --from … --to (both days included) to DIR as
FHIR R4 resources, one NDJSON file per resource type (docs/fhir.md): patients with an enrolment
overlapping the period, their records dated in it, sites, areas, groups, treatment plans, and the
indicators as of --to as Measure and MeasureReport.

  --programme CODE      the programme to export
  --format csv|fhir     the format (default csv)
  --from YYYY-MM-DD     fhir: the first day of the period
  --to YYYY-MM-DD       fhir: the last day of the period
${DB_HELP}`,
  async run(args) {
    const { values, positionals } = parse(
      args,
      {
        ...DB_OPTIONS,
        programme: { type: "string" },
        format: { type: "string" },
        from: { type: "string" },
        to: { type: "string" },
      },
      true,
    );
    if (values.help) {
      console.log(this.usage);
      return 0;
    }
    if (positionals.length !== 1 || !values.programme)
      throw new CliError(`usage: ${this.usage.split("\n")[0]}`, 2);
    const format = (values.format ?? "csv") as (typeof FORMATS)[number];
    if (!FORMATS.includes(format)) throw new CliError(`--format: csv or fhir, not "${values.format}"`, 2);
    let period: { from: string; to: string } | undefined;
    if (format === "fhir") {
      const checked = checkPeriod(values.from, values.to);
      if ("issue" in checked) throw new CliError(`--${checked.issue.field}: ${checked.issue.message}`, 2);
      period = checked.period;
    } else if (values.from !== undefined || values.to !== undefined) {
      throw new CliError("--from and --to apply to --format fhir only", 2);
    }
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
      const counts = period
        ? await exportFhirToDirectory(db, programme, period, dir, SYSTEM)
        : await exportToDirectory(db, programme, dir, SYSTEM);
      const total = Object.values(counts).reduce((n, c) => n + (c ?? 0), 0);
      for (const [file, rows] of Object.entries(counts))
        console.log(`${file.padEnd(22)} ${String(rows).padStart(10)}`);
      const what = period ? "resources" : "rows";
      console.log(
        `${total} ${what} exported to ${dir} in ${((performance.now() - started) / 1000).toFixed(1)} s`,
      );
      return 0;
    });
  },
};
