import { sql } from "kysely";
import { enrolmentKey } from "./context.ts";
import { unknownProgramme } from "./groups.ts";
import { mergeInto } from "./merge.ts";
import { PROFILE_SET } from "./professionals.ts";
import type { FileRules } from "./spec.ts";

const CODE = 0;
const PATIENT = 1;
const PROGRAMME = 2;
const SITE = 3;
const START = 4;
const END = 5;
const END_REASON = 6;
const PRIMARY = 7;
const SECONDARY = 8;
const CASE_MANAGER = 9;
const CASE_MANAGER_PROFILE = 10;

const END_REASONS = new Set(["completed", "dropped_out", "transferred", "moved", "died", "other"]);
export const ICD10 = /^[A-Z][0-9]{2}(\.[0-9A-Z]{1,4})?$/;
const ICD10_TEXT = "an ICD-10 code such as F60.3";
const VALUES = [
  "patient_id",
  "programme_id",
  "site_id",
  "enrolment_date",
  "end_date",
  "end_reason",
  "primary_diagnosis",
  "secondary_diagnosis",
  "case_manager_code",
  "case_manager_profile",
];

/**
 * enrolments.csv: a patient in a programme at a site. At most one per patient and programme,
 * counting the file and the database; the patient and programme of a stored enrolment are fixed.
 */
export const enrolments: FileRules = {
  file: "enrolments.csv",
  required: true,
  columns: [
    "enrolment_code",
    "patient_code",
    "programme_code",
    "site_code",
    "enrolment_date",
    "end_date",
    "end_reason",
    "primary_diagnosis",
    "secondary_diagnosis",
    "case_manager_code",
    "case_manager_profile",
  ],
  staging: [
    ["code", "text"],
    ["patient_code", "text"],
    ["programme_code", "text"],
    ["site_code", "text"],
    ["enrolment_date", "date"],
    ["end_date", "date"],
    ["end_reason", "text"],
    ["primary_diagnosis", "text"],
    ["secondary_diagnosis", "text"],
    ["case_manager_code", "text"],
    ["case_manager_profile", "text"],
  ],

  check(row, ctx) {
    const code = row.code(CODE, true);
    const patient = row.code(PATIENT, true);
    const programme = row.code(PROGRAMME, true);
    const site = row.code(SITE, true);
    if (patient && !ctx.patientExists(patient))
      row.problem(PATIENT, `unknown patient ${patient}: not in patients.csv nor in the database`);
    if (programme) {
      if (!ctx.programmeResolves(programme, site ?? null))
        row.problem(PROGRAMME, unknownProgramme(programme));
      else if (!ctx.programmeInScope(programme))
        row.problem(PROGRAMME, `programme ${programme} is not one of your programmes`);
    }
    if (site) {
      if (!ctx.siteExists(site))
        row.problem(SITE, `unknown site ${site}: not in sites.csv nor in the database`);
      else if (!ctx.siteInScope(site)) row.problem(SITE, `site ${site} is not a site of your programmes`);
    }
    const stored = code ? ctx.dbEnrolments.get(code) : undefined;
    if (stored) {
      if (patient && stored.patient !== patient)
        row.problem(
          PATIENT,
          `enrolment ${code} is of patient ${stored.patient}: the patient of an enrolment cannot change`,
        );
      if (programme && stored.programme !== programme)
        row.problem(
          PROGRAMME,
          `enrolment ${code} is in programme ${stored.programme}: the programme of an enrolment cannot change`,
        );
      if (!ctx.siteIdInScope(stored.siteId))
        row.problem(CODE, `enrolment ${code} is at a site outside your programmes`);
    }
    if (patient && programme) {
      const key = enrolmentKey(patient, programme);
      const first = ctx.enrolmentKeys.get(key);
      const inDb = ctx.dbEnrolmentKeys.get(key);
      if (first !== undefined)
        row.problem(PATIENT, `patient ${patient} already has an enrolment in ${programme} at line ${first}`);
      else {
        ctx.enrolmentKeys.set(key, row.line);
        if (inDb !== undefined && inDb !== code)
          row.problem(
            PATIENT,
            `patient ${patient} already has enrolment ${inDb} in ${programme} in the database`,
          );
      }
    }
    const start = row.date(START, true);
    const end = row.date(END, false);
    if (start && end && end < start) row.problem(END, `${end} is before enrolment_date ${start}`);
    const reason = row.oneOf(END_REASON, false, END_REASONS);
    if (end && reason === null) row.problem(END_REASON, "required when end_date is set");
    if (reason && end === null) row.problem(END_REASON, "an end_reason needs an end_date");
    const primary = row.matches(PRIMARY, false, ICD10, ICD10_TEXT);
    const secondary = row.matches(SECONDARY, false, ICD10, ICD10_TEXT);
    const caseManager = row.code(CASE_MANAGER, false);
    const profile = row.oneOf(CASE_MANAGER_PROFILE, false, PROFILE_SET);
    if (profile && caseManager === null)
      row.problem(CASE_MANAGER_PROFILE, "a case_manager_profile needs a case_manager_code");
    return row.ok
      ? [
          code!,
          patient!,
          programme!,
          site!,
          start!,
          end ?? null,
          reason ?? null,
          primary ?? null,
          secondary ?? null,
          caseManager ?? null,
          profile ?? null,
        ]
      : undefined;
  },

  merge: (x) =>
    mergeInto(x, {
      table: "enrolments",
      columns: VALUES,
      values: sql`x.code, pa.id, pr.id, s.id, x.enrolment_date, x.end_date, x.end_reason, x.primary_diagnosis,
        x.secondary_diagnosis, x.case_manager_code, x.case_manager_profile`,
      from: sql`from x_enrolments x
        join patients pa on pa.code = x.patient_code
        join programmes pr on pr.code = x.programme_code
        join sites s on s.code = x.site_code`,
    }),

  exportQuery: (scope) => sql`
    select e.code as enrolment_code, pa.code as patient_code, pr.code as programme_code, s.code as site_code,
      e.enrolment_date::text as enrolment_date, e.end_date::text as end_date, e.end_reason,
      e.primary_diagnosis, e.secondary_diagnosis, e.case_manager_code, e.case_manager_profile
    from enrolments e
      join patients pa on pa.id = e.patient_id
      join programmes pr on pr.id = e.programme_id
      join sites s on s.id = e.site_id
    where e.programme_id = ${scope.programmeId}
    order by e.code collate "C"`,
};
