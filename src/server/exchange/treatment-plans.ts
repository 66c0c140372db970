import { sql } from "kysely";
import { mergeInto } from "./merge.ts";
import { patientReference, siteReference } from "./references.ts";
import type { FileRules } from "./spec.ts";

const CODE = 0;
const PATIENT = 1;
const SITE = 2;
const CREATED = 3;
const SHARED_WITH_PATIENT = 4;
const SIGNED = 5;
const SOCIAL = 6;
const WORK = 7;
const ACTIONS = 8;

const VALUES = [
  "patient_id",
  "site_id",
  "created_date",
  "shared_with_patient_date",
  "signed_by_patient",
  "shared_with_social_services",
  "shared_with_work_inclusion",
  "integrated_actions_started",
];

/**
 * treatment_plans.csv: individual treatment plans. A changed plan gets a new `version` (so an
 * editor holding the old one is told it is stale); imports write no plan history.
 */
export const treatmentPlans: FileRules = {
  file: "treatment_plans.csv",
  required: false,
  columns: [
    "plan_code",
    "patient_code",
    "site_code",
    "created_date",
    "shared_with_patient_date",
    "signed_by_patient",
    "shared_with_social_services",
    "shared_with_work_inclusion",
    "integrated_actions_started",
  ],
  staging: [
    ["code", "text"],
    ["patient_code", "text"],
    ["site_code", "text"],
    ["created_date", "date"],
    ["shared_with_patient_date", "date"],
    ["signed_by_patient", "boolean"],
    ["shared_with_social_services", "boolean"],
    ["shared_with_work_inclusion", "boolean"],
    ["integrated_actions_started", "boolean"],
  ],

  check(row, ctx) {
    const code = row.code(CODE, true);
    const patient = patientReference(row, ctx, PATIENT);
    const site = siteReference(row, ctx, SITE);
    const created = row.date(CREATED, true);
    const shared = row.date(SHARED_WITH_PATIENT, false);
    const signed = row.yn(SIGNED);
    const social = row.yn(SOCIAL);
    const work = row.yn(WORK);
    const actions = row.yn(ACTIONS);
    return row.ok
      ? [code!, patient!, site!, created!, shared ?? null, signed!, social!, work!, actions!]
      : undefined;
  },

  merge: (x) =>
    mergeInto(x, {
      table: "treatment_plans",
      columns: VALUES,
      values: sql`x.code, pa.id, s.id, x.created_date, x.shared_with_patient_date, x.signed_by_patient,
        x.shared_with_social_services, x.shared_with_work_inclusion, x.integrated_actions_started`,
      from: sql`from x_treatment_plans x
        join patients pa on pa.code = x.patient_code
        join sites s on s.code = x.site_code`,
      alsoOnUpdate: sql`version = t.version + 1`,
    }),

  async outOfScope({ trx }, scope) {
    const { rows } = await sql<{ line: number; code: string }>`
      select x.line, x.code from x_treatment_plans x join treatment_plans t on t.code = x.code
      where not (t.site_id = any(${[...scope.siteIds]}::int[]))`.execute(trx);
    return rows.map((r) => ({
      line: r.line,
      column: "plan_code",
      message: `treatment plan ${r.code} belongs to a site outside your programmes`,
    }));
  },

  exportQuery: (scope) => sql`
    select t.code as plan_code, pa.code as patient_code, s.code as site_code, t.created_date::text as created_date,
      t.shared_with_patient_date::text as shared_with_patient_date,
      case when t.signed_by_patient then 'Y' else 'N' end as signed_by_patient,
      case when t.shared_with_social_services then 'Y' else 'N' end as shared_with_social_services,
      case when t.shared_with_work_inclusion then 'Y' else 'N' end as shared_with_work_inclusion,
      case when t.integrated_actions_started then 'Y' else 'N' end as integrated_actions_started
    from treatment_plans t join patients pa on pa.id = t.patient_id join sites s on s.id = t.site_id
    where t.patient_id in (${scope.patientIds})
    order by t.code collate "C"`,
};
