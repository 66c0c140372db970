import { sql } from "kysely";
import { mergeInto } from "./merge.ts";
import type { FileRules } from "./spec.ts";

const CODE = 0;
const PATIENT = 1;
const DATE = 2;
const INSTRUMENT = 3;
const RESPONDENT = 4;
const TIMEPOINT = 5;
const TOTAL = 6;

/** The instrument library: each instrument's total-score range, or null when it has no total. */
export const INSTRUMENTS: ReadonlyMap<string, readonly [number, number] | null> = new Map([
  ["PHQ-9", [0, 27]],
  ["GAD-7", [0, 21]],
  ["AUDIT", [0, 40]],
  ["AUDIT-C", [0, 12]],
  ["K10", [10, 50]],
  ["CORE-10", [0, 40]],
  ["DASS-21", [0, 126]],
  ["ASSIST-Lite", null],
  ["GHQ-12", [0, 36]],
  ["ZAN-BPD", [0, 36]],
  ["BSL-23", [0, 4]],
  ["IMRS-CLIENT", [15, 75]],
  ["IMRS-CLINICIAN", [15, 75]],
  ["SCID-5-PD", null],
  ["C-SSRS", null],
]);
const RESPONDENTS = new Set(["patient", "clinician", "family"]);
const TIMEPOINTS = new Set(["baseline", "follow_up", "end", "other"]);
const VALUES = ["patient_id", "date", "instrument", "respondent", "timepoint", "total_score"];

/** assessments.csv: structured assessments with an instrument of the library and its total score. */
export const assessments: FileRules = {
  file: "assessments.csv",
  required: false,
  columns: [
    "assessment_code",
    "patient_code",
    "date",
    "instrument",
    "respondent",
    "timepoint",
    "total_score",
  ],
  staging: [
    ["code", "text"],
    ["patient_code", "text"],
    ["date", "date"],
    ["instrument", "text"],
    ["respondent", "text"],
    ["timepoint", "text"],
    ["total_score", "numeric"],
  ],

  check(row, ctx) {
    const code = row.code(CODE, true);
    const patient = row.code(PATIENT, true);
    if (patient) {
      if (!ctx.patientExists(patient))
        row.problem(PATIENT, `unknown patient ${patient}: not in patients.csv nor in the database`);
      else if (ctx.patientOutOfScope(patient))
        row.problem(PATIENT, `patient ${patient} is not a patient of your programmes' sites`);
    }
    const date = row.date(DATE, true);
    const instrument = row.cell(INSTRUMENT, true);
    const range = instrument ? INSTRUMENTS.get(instrument) : undefined;
    if (instrument && range === undefined)
      row.problem(INSTRUMENT, `unknown instrument "${instrument}": not in the instrument library`);
    const respondent = row.oneOf(RESPONDENT, true, RESPONDENTS);
    const timepoint = row.oneOf(TIMEPOINT, false, TIMEPOINTS);
    let total: string | null | undefined = null;
    if (range === null) {
      if (row.cell(TOTAL, false)) row.problem(TOTAL, `must be empty: ${instrument} has no total score`);
    } else if (range) {
      total = row.decimal(TOTAL, false, range[0], range[1]);
      if (total === undefined) total = null;
    } else {
      row.decimal(TOTAL, false, Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY);
    }
    return row.ok
      ? [code!, patient!, date!, instrument!, respondent!, timepoint ?? null, total ?? null]
      : undefined;
  },

  merge: (x) =>
    mergeInto(x, {
      table: "assessments",
      columns: VALUES,
      values: sql`x.code, pa.id, x.date, x.instrument, x.respondent, x.timepoint, x.total_score`,
      from: sql`from x_assessments x join patients pa on pa.code = x.patient_code`,
    }),

  /** An assessment moved to another patient: the stored patient must be the coordinator's too. */
  async outOfScope({ trx }, scope) {
    const { rows } = await sql<{ line: number; code: string; patient: string }>`
      select x.line, x.code, p.code as patient
      from x_assessments x join assessments a on a.code = x.code join patients p on p.id = a.patient_id
      where p.code <> x.patient_code`.execute(trx);
    return rows
      .filter((r) => !scope.visiblePatients.has(r.patient))
      .map((r) => ({
        line: r.line,
        column: "assessment_code",
        message: `assessment ${r.code} belongs to a patient outside your programmes`,
      }));
  },

  exportQuery: (scope) => sql`
    select a.code as assessment_code, pa.code as patient_code, a.date::text as date, a.instrument,
      a.respondent, a.timepoint, a.total_score::text as total_score
    from assessments a join patients pa on pa.id = a.patient_id
    where a.patient_id in (${scope.patientIds})
    order by a.code collate "C"`,
};
