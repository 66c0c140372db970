import fs from "node:fs";
import path from "node:path";
import { findProgrammeId } from "../../server/indicators/service.ts";
import { audit, SYSTEM } from "../../server/infra/audit/audit.ts";
import { buildReport, type ReportFormat } from "../../server/report/build.ts";
import { ChromiumMissingError } from "../../server/report/pdf.ts";
import { checkLanguage, parsePeriod } from "../../server/report/request.ts";
import { CliError, type Command, configFrom, DB_HELP, DB_OPTIONS, parse, withDatabase } from "../common.ts";

const FORMAT_OF: Record<string, ReportFormat> = { ".pdf": "pdf", ".html": "html", ".htm": "html" };

export const report: Command = {
  name: "report",
  summary: "write a programme's monitoring report over a period (PDF or HTML)",
  usage: `praxis report --programme CODE --period FROM..TO [--lang it|en] --out FILE.pdf|FILE.html [options]

Writes the monitoring report of the programme (docs/report.md): programme and sites, enrolment
against target, the first months' intensity, structured assessments, psychosocial interventions
per patient, groups, treatment plans, case managers, families, the training → implementation
funnel, planning and fidelity — indicators as of TO, series and the funnel over FROM..TO.
The file's extension chooses the format; a PDF is printed by Chromium (/usr/bin/chromium, or
PRAXIS_CHROMIUM). Nothing is written when an input is refused.

  --programme CODE        the programme
  --period FROM..TO       the period, two days YYYY-MM-DD, FROM on or before TO
  --lang en|it            the report's language (default en)
  --out FILE              where to write it: FILE.pdf or FILE.html
  --viewers               as viewers get it: small cells suppressed, site planning as counts
${DB_HELP}`,
  async run(args) {
    const { values } = parse(args, {
      ...DB_OPTIONS,
      programme: { type: "string" },
      period: { type: "string" },
      lang: { type: "string" },
      out: { type: "string" },
      viewers: { type: "boolean" },
    });
    if (values.help) {
      console.log(this.usage);
      return 0;
    }
    if (!values.programme) throw new CliError("--programme CODE is required", 2);
    const period = parsePeriod(values.period);
    if (!period.ok) throw new CliError(`--period: ${period.issue.message}`, 2);
    const lang = checkLanguage(values.lang);
    if (!lang.ok) throw new CliError(`--lang: ${lang.issue.message}`, 2);
    if (!values.out) throw new CliError("--out FILE.pdf or FILE.html is required", 2);
    const out = path.resolve(values.out);
    const format = FORMAT_OF[path.extname(out).toLowerCase()];
    if (!format) throw new CliError(`--out: "${values.out}" must end in .pdf or .html`, 2);
    if (!fs.existsSync(path.dirname(out))) throw new CliError(`--out: no directory ${path.dirname(out)}`, 2);
    const code = values.programme;
    const viewers = values.viewers === true;
    return withDatabase(configFrom(values), async ({ db }) => {
      const id = await findProgrammeId(db, code);
      if (id === undefined) throw new CliError(`--programme: no programme with code ${code}`, 2);
      const audience = { suppress: viewers, sitePlanning: !viewers };
      let built: Awaited<ReturnType<typeof buildReport>>;
      try {
        built = await buildReport(db, id, { period: period.value, lang: lang.value, format, audience });
      } catch (err) {
        if (err instanceof ChromiumMissingError) throw new CliError(err.message, 3);
        throw err;
      }
      if (!built) throw new CliError(`--programme: no programme with code ${code}`, 2);
      // written whole, then renamed: a reader never sees half a report
      const temp = `${out}.tmp-${process.pid}`;
      fs.writeFileSync(temp, built.body);
      fs.renameSync(temp, out);
      await audit(db, SYSTEM, {
        action: "export",
        entity: "report",
        entityId: id,
        programmeId: id,
        detail: { programme: code, ...period.value, lang: lang.value, format, suppressed: viewers },
      });
      console.log(
        `${format.toUpperCase()} report of ${code}, ${period.value.from}..${period.value.to} (${lang.value}): ${out}`,
      );
      return 0;
    });
  },
};
