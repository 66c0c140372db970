import { stringify } from "csv-stringify/sync";
import {
  computeProgrammeIndicators,
  contractRecord,
  findProgrammeId,
  type IndicatorRecord,
} from "../../server/indicators/service.ts";
import { today } from "../../server/infra/time/civil-date.ts";
import { CivilDate } from "../../server/shared/schemas.ts";
import { spreadsheetSafe } from "../../shared/spreadsheet-safe.ts";
import { CliError, type Command, configFrom, DB_HELP, DB_OPTIONS, parse, withDatabase } from "../common.ts";
import { rebuildCommand, verifyCommand } from "./indicators-facts.ts";

const FORMATS = ["json", "csv"] as const;

/** A number as JSON writes it: shortest round-trip form, full double precision, never rounded. */
const cell = (v: number | string | null) => (v === null ? "" : String(v));

export function indicatorsCsv(records: IndicatorRecord[]): string {
  return stringify(
    // Codes are text a spreadsheet could run as a formula (a code may begin with "-"); the
    // numeric columns are left exact, negative numbers included.
    records.map((r) => [
      spreadsheetSafe(r.id),
      spreadsheetSafe(cell(r.site)),
      cell(r.numerator),
      cell(r.denominator),
      cell(r.value),
    ]),
    { header: true, columns: ["id", "site", "numerator", "denominator", "value"], record_delimiter: "unix" },
  );
}

export const indicators: Command = {
  name: "indicators",
  summary: "compute a programme's indicators as of a date (JSON or CSV); verify or rebuild its facts",
  usage: `praxis indicators --programme CODE [--as-of YYYY-MM-DD] [--format json|csv] [options]
praxis indicators verify --programme CODE [--as-of YYYY-MM-DD …]   (see praxis indicators verify --help)
praxis indicators rebuild --programme CODE                         (see praxis indicators rebuild --help)

Computes the indicator catalogue (INDICATORS.md) of the programme for every site and for the
programme as a whole (site null), as of the reference date (default: today in the region's calendar, PRAXIS_TIME_ZONE).
JSON: { "programme": CODE, "asOf": R, "indicators": [ {id, site, numerator, denominator, value} … ] }
CSV: the same records, one a line, with a header; an empty cell is null.

  --programme CODE       the programme
  --as-of YYYY-MM-DD     the reference date R (default today)
  --format json|csv      output format (default json)
  --with-user-defined    also the programme's own indicators, after the catalogue
${DB_HELP}`,
  async run(args) {
    if (args[0] === "verify") return verifyCommand(args.slice(1));
    if (args[0] === "rebuild") return rebuildCommand(args.slice(1));
    const { values } = parse(args, {
      ...DB_OPTIONS,
      programme: { type: "string" },
      "as-of": { type: "string" },
      format: { type: "string" },
      "with-user-defined": { type: "boolean" },
    });
    if (values.help) {
      console.log(this.usage);
      return 0;
    }
    if (!values.programme) throw new CliError("--programme CODE is required", 2);
    const format = (values.format ?? "json") as (typeof FORMATS)[number];
    if (!FORMATS.includes(format)) throw new CliError(`--format: json or csv, not "${values.format}"`, 2);
    const asOf = values["as-of"] ?? today();
    const date = CivilDate.safeParse(asOf);
    if (!date.success) {
      throw new CliError(`--as-of: "${asOf}" is ${date.error.issues[0]?.message ?? "not a date"}`, 2);
    }
    const code = values.programme;
    return withDatabase(configFrom(values), async ({ db }) => {
      const id = await findProgrammeId(db, code);
      if (id === undefined) throw new CliError(`--programme: no programme with code ${code}`, 2);
      const result = await computeProgrammeIndicators(db, id, asOf, {
        withUserDefined: values["with-user-defined"] === true,
      });
      if (!result) throw new CliError(`--programme: no programme with code ${code}`, 2);
      const records = result.records.map(contractRecord);
      if (format === "csv") process.stdout.write(indicatorsCsv(records));
      else
        process.stdout.write(`${JSON.stringify({ programme: code, asOf, indicators: records }, null, 2)}\n`);
      return 0;
    });
  },
};
