import { sql } from "kysely";
import { detach } from "./fields.ts";
import { mergeInto } from "./merge.ts";
import type { FileRules } from "./spec.ts";

const PATIENT_CODE = 0;
const BIRTH_YEAR = 1;
const SEX = 2;
const RESIDENCE_AREA = 3;
const FIRST_CONTACT = 4;

const SEXES = new Set(["F", "M", "X", "U"]);
const VALUES = ["birth_year", "sex", "residence_area", "first_contact_date"];

/** patients.csv: pseudonymous patients (never a name or national identifier). */
export const patients: FileRules = {
  file: "patients.csv",
  required: true,
  columns: ["patient_code", "birth_year", "sex", "residence_area", "first_contact_date"],
  staging: [
    ["code", "text"],
    ["birth_year", "int"],
    ["sex", "text"],
    ["residence_area", "text"],
    ["first_contact_date", "date"],
  ],

  check(row, ctx) {
    const code = row.code(PATIENT_CODE, true);
    if (code) {
      ctx.patients.add(detach(code));
      if (ctx.patientOutOfScope(code))
        row.problem(PATIENT_CODE, `patient ${code} is not a patient of your programmes' sites`);
    }
    const birthYear = row.int(BIRTH_YEAR, true, 1900, ctx.year);
    const sex = row.oneOf(SEX, true, SEXES);
    const residence = row.text(RESIDENCE_AREA, false, 64);
    const firstContact = row.date(FIRST_CONTACT, false);
    return row.ok ? [code!, birthYear!, sex!, residence ?? null, firstContact ?? null] : undefined;
  },

  merge: (x) =>
    mergeInto(x, {
      table: "patients",
      columns: VALUES,
      values: sql`x.code, x.birth_year, x.sex, x.residence_area, x.first_contact_date`,
      from: sql`from x_patients x`,
    }),

  exportQuery: (scope) => sql`
    select p.code as patient_code, p.birth_year::text as birth_year, p.sex, p.residence_area,
      p.first_contact_date::text as first_contact_date
    from patients p
    where p.id in (${scope.patientIds})
    order by p.code collate "C"`,
};
