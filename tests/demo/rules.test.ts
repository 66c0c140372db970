import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DemoRegistrySummary } from "../../src/server/demo/registry/index.ts";
import type { Database, Db } from "../../src/server/infra/db/database.ts";
import { BASE_TAXONOMY } from "../../src/server/practices/schemas.ts";
import { PROFILES } from "../../src/server/shared/schemas.ts";
import { demoDatabase, offending } from "./support.ts";

/**
 * Every generated row obeys EXCHANGE-FORMAT.md (codes, code lists, ranges, end_reason iff
 * end_date, dates) and the registry's own consistency (care periods, groups and their sessions).
 * Each rule is a query listing the rows that break it; it must list none.
 */
let database: Database;
let db: Db;
let summary: DemoRegistrySummary;

beforeAll(async () => {
  ({ database, db, summary } = await demoDatabase({ seed: 11 }));
});
afterAll(async () => {
  await database?.close();
});

const list = (xs: readonly string[]) => xs.map((x) => `'${x}'`).join(",");
const TYPES = list([...BASE_TAXONOMY.map((t) => t.code), "imr_session"]);
const PROFILE_LIST = list(PROFILES);
const CODE = "'^[A-Za-z0-9._-]{1,64}$'";
const DIAGNOSIS = "'^[A-Z][0-9]{2}(\\.[0-9A-Z]{1,4})?$'";
/** Instrument ranges of EXCHANGE-FORMAT.md; null bounds = no total. */
const RANGES = `(values ('PHQ-9',0,27),('GAD-7',0,21),('AUDIT',0,40),('AUDIT-C',0,12),('K10',10,50),
  ('CORE-10',0,40),('DASS-21',0,126),('GHQ-12',0,36),('ZAN-BPD',0,36),('BSL-23',0,4),('IMRS-CLIENT',15,75),
  ('IMRS-CLINICIAN',15,75),('SCID-5-PD',null,null),('C-SSRS',null,null),('ASSIST-Lite',null,null)) as r(instrument, lo, hi)`;
/** The care period of each enrolment, to the data cut-off (`{cutoff}` is replaced when run). */
const CARE = "(select e.*, coalesce(e.end_date, '{cutoff}'::date) as care_end from enrolments e) as c";

const RULES: Array<[rule: string, query: string]> = [
  // codes
  ...["patients", "enrolments", "interventions", "assessments", "treatment_plans", "groups"].map(
    (t) =>
      [`${t}: codes are 1–64 letters, digits, . _ -`, `select code from ${t} where code !~ ${CODE}`] as [
        string,
        string,
      ],
  ),
  [
    "patients: pseudonymous codes only (P- and 8 base-32 characters)",
    "select code from patients where code !~ '^P-[0-9A-HJKMNP-TV-Z]{8}$'",
  ],
  [
    "interventions: professional codes are well formed",
    `select code from interventions where professional_code !~ ${CODE}`,
  ],
  [
    "enrolments: case manager codes are well formed",
    `select code from enrolments where case_manager_code !~ ${CODE}`,
  ],
  // patients
  [
    "patients: birth year 1900 … this year",
    "select code from patients where birth_year not between 1900 and extract(year from current_date)",
  ],
  ["patients: sex is F, M, X or U", "select code from patients where sex not in ('F','M','X','U')"],
  [
    "patients: first contact not after enrolment",
    "select p.code from patients p join enrolments e on e.patient_id = p.id where p.first_contact_date > e.enrolment_date",
  ],
  [
    "patients: first contact not before birth",
    "select code from patients where extract(year from first_contact_date) < birth_year",
  ],
  [
    "patients: every patient is enrolled",
    "select p.code from patients p where not exists (select 1 from enrolments e where e.patient_id = p.id)",
  ],
  // enrolments
  [
    "enrolments: end_reason iff end_date",
    "select code from enrolments where (end_date is null) <> (end_reason is null)",
  ],
  ["enrolments: end not before enrolment", "select code from enrolments where end_date < enrolment_date"],
  [
    "enrolments: end reasons from the code list",
    "select code from enrolments where end_reason not in ('completed','dropped_out','transferred','moved','died','other')",
  ],
  [
    "enrolments: ICD-10 diagnoses",
    `select code from enrolments where primary_diagnosis !~ ${DIAGNOSIS} or secondary_diagnosis !~ ${DIAGNOSIS}`,
  ],
  [
    "enrolments: case manager profile needs a code and is a profile",
    `select code from enrolments where case_manager_profile is not null and (case_manager_code is null or case_manager_profile not in (${PROFILE_LIST}))`,
  ],
  [
    "enrolments: case manager is a professional of the site, with that profile",
    "select e.code from enrolments e left join professionals pr on pr.code = e.case_manager_code and pr.site_id = e.site_id where e.case_manager_code is not null and (pr.id is null or pr.profile is distinct from coalesce(e.case_manager_profile, pr.profile))",
  ],
  [
    "enrolments: from the implementation's start (on through sustainability), not after the cut-off",
    `select e.code from enrolments e join programme_phases ph on ph.programme_id = e.programme_id and ph.phase = 'implementation' where e.enrolment_date < ph.start_date or e.enrolment_date > '{cutoff}' or e.end_date > '{cutoff}'`,
  ],
  [
    "enrolments: enrolled at a site of the programme",
    "select e.code from enrolments e where not exists (select 1 from programme_sites ps where ps.programme_id = e.programme_id and ps.site_id = e.site_id)",
  ],
  // interventions
  [
    "interventions: types from the taxonomy (base + IMR practice)",
    `select code from interventions where type not in (${TYPES})`,
  ],
  [
    "interventions: setting and recipient from the code lists",
    "select code from interventions where setting not in ('individual','group') or recipient not in ('patient','family','patient_and_family')",
  ],
  [
    "interventions: duration 1 … 600",
    "select code from interventions where duration_min not between 1 and 600",
  ],
  [
    "interventions: profiles from the code list",
    `select code from interventions where professional_profile not in (${PROFILE_LIST})`,
  ],
  [
    "interventions: the professional works at the site, with that profile",
    "select i.code from interventions i left join professionals pr on pr.code = i.professional_code where i.professional_code is not null and (pr.site_id is distinct from i.site_id or pr.profile is distinct from coalesce(i.professional_profile, pr.profile))",
  ],
  [
    "interventions: within a care period of the patient at that site",
    `select i.code from interventions i where not exists (select 1 from ${CARE} where c.patient_id = i.patient_id and c.site_id = i.site_id and i.date between c.enrolment_date and c.care_end)`,
  ],
  [
    "interventions: a group intervention has its group and session, and only then",
    "select code from interventions where (group_id is null) <> (group_session_id is null) or (group_id is null) = (setting = 'group')",
  ],
  [
    "interventions: a group intervention agrees with its session and group",
    "select i.code from interventions i join group_sessions s on s.id = i.group_session_id join groups g on g.id = s.group_id where s.group_id <> i.group_id or s.date <> i.date or s.module is distinct from i.module or s.professional_code is distinct from i.professional_code or s.duration_min is distinct from i.duration_min or g.site_id <> i.site_id",
  ],
  [
    "interventions: group attendance by members, while members",
    "select i.code from interventions i where i.group_id is not null and not exists (select 1 from group_members m where m.group_id = i.group_id and m.patient_id = i.patient_id and i.date >= m.joined_date and (m.left_date is null or i.date <= m.left_date))",
  ],
  [
    "interventions: at most one attendance per session and patient",
    "select group_session_id, patient_id from interventions where group_session_id is not null group by 1, 2 having count(*) > 1",
  ],
  [
    "interventions: type and recipient follow the group's kind",
    "select i.code from interventions i join groups g on g.id = i.group_id where (g.kind, i.type, i.recipient) not in (('dbt_skills','skills_training','patient'),('family_connections','family_intervention','family'),('imr','imr_session','patient'))",
  ],
  [
    "interventions: modules of the practice only",
    "select code from interventions where module !~ '^(IMR-([1-9]|1[01])|DBT-(MF|DT|ER|IE))$' or (module is not null and type not in ('imr_session','skills_training'))",
  ],
  // assessments
  [
    "assessments: instruments of the library, totals within range, none where there is no total",
    `select a.code from assessments a left join ${RANGES} on r.instrument = a.instrument where r.instrument is null or (r.lo is null and a.total_score is not null) or a.total_score not between r.lo and r.hi`,
  ],
  [
    "assessments: respondent and timepoint from the code lists",
    "select code from assessments where respondent not in ('patient','clinician','family') or timepoint not in ('baseline','follow_up','end','other')",
  ],
  [
    "assessments: around a care period (from 90 days before enrolment) and not after the cut-off",
    `select a.code from assessments a where a.date > '{cutoff}' or not exists (select 1 from ${CARE} where c.patient_id = a.patient_id and a.date between c.enrolment_date - 90 and c.care_end)`,
  ],
  // plans
  [
    "plans: shared with the patient on or after creation; signed ones were shared",
    "select code from treatment_plans where shared_with_patient_date < created_date or (signed_by_patient and shared_with_patient_date is null)",
  ],
  [
    "plans: integrated actions only with social or work-inclusion services",
    "select code from treatment_plans where integrated_actions_started and not (shared_with_social_services or shared_with_work_inclusion)",
  ],
  [
    "plans: plans of an enrolment at its site (90 days before … end of care)",
    `select t.code from treatment_plans t where t.shared_with_patient_date > '{cutoff}' or not exists (select 1 from ${CARE} where c.patient_id = t.patient_id and c.site_id = t.site_id and t.created_date between c.enrolment_date - 90 and c.care_end)`,
  ],
  [
    "plans: one history entry matching the plan",
    "select t.code from treatment_plans t left join treatment_plan_history h on h.plan_id = t.id and h.version = t.version where h.plan_id is null or (h.state->>'signedByPatient')::boolean is distinct from t.signed_by_patient or h.state->>'createdDate' is distinct from t.created_date::text or h.state->>'sharedWithPatientDate' is distinct from t.shared_with_patient_date::text or (h.state->>'integratedActionsStarted')::boolean is distinct from t.integrated_actions_started",
  ],
  // groups
  [
    "groups: kinds from the code list, end not before start, positive size, IMR groups of at most 8",
    "select code from groups where kind not in ('dbt_skills','family_connections','imr','psychoeducation','other') or end_date < start_date or max_size <= 0 or (kind = 'imr' and max_size > 8) or programme_id is null",
  ],
  [
    "groups: no more members than places",
    "select g.code from groups g join group_members m on m.group_id = g.id group by g.id, g.code, g.max_size having count(*) > g.max_size",
  ],
  [
    "groups: sessions between start and end (or the cut-off), the last one on the end date",
    `select g.code from groups g join group_sessions s on s.group_id = g.id group by g.id, g.code, g.start_date, g.end_date having min(s.date) < g.start_date or max(s.date) > coalesce(g.end_date, '{cutoff}') or (g.end_date is not null and max(s.date) <> g.end_date)`,
  ],
  [
    "groups: members joined on or after the start, left after joining",
    "select g.code from groups g join group_members m on m.group_id = g.id where m.joined_date < g.start_date or m.left_date < m.joined_date",
  ],
  [
    "groups: members are enrolled in the group's programme at the group's site",
    "select g.code from groups g join group_members m on m.group_id = g.id where not exists (select 1 from enrolments e where e.patient_id = m.patient_id and e.programme_id = g.programme_id and e.site_id = g.site_id)",
  ],
  [
    "groups: session modules follow the kind (DBT modules, none for Family Connections, IMR-1 … IMR-11)",
    "select g.code from groups g join group_sessions s on s.group_id = g.id where (g.kind = 'dbt_skills' and s.module !~ '^DBT-(MF|DT|ER|IE)$') or (g.kind = 'family_connections' and s.module is not null) or (g.kind = 'imr' and s.module !~ '^IMR-([1-9]|1[01])$')",
  ],
  [
    "groups: IMR modules never go backwards",
    "select g.code from groups g join lateral (select s.module, lag(s.module) over (order by s.date) as before from group_sessions s where s.group_id = g.id) x on true where g.kind = 'imr' and substr(x.module, 5)::int < substr(x.before, 5)::int",
  ],
];

describe("every generated row obeys the exchange format and the registry's rules", () => {
  it("generated a registry to check", () => {
    expect(summary.interventions).toBeGreaterThan(15_000);
  });

  it.each(RULES)("%s", async (_rule, query) => {
    expect(await offending(db, query.replaceAll("{cutoff}", summary.cutoff))).toEqual([]);
  });
});

/** The rule queries are not vacuous: break one row (in a transaction rolled back) and the rule lists it. */
describe("the rules catch broken rows", () => {
  const rule = (name: string) =>
    RULES.find(([r]) => r.startsWith(name))![1].replaceAll("{cutoff}", summary.cutoff);
  it.each([
    [
      "patients: pseudonymous codes",
      "update patients set code = 'Maria.Rossi' where id = (select min(id) from patients)",
    ],
    [
      "interventions: within a care period",
      "update interventions set date = '2019-01-07' where id = (select min(id) from interventions)",
    ],
    [
      "interventions: a group intervention agrees",
      "update interventions set module = 'DBT-XX' where id = (select min(id) from interventions where group_id is not null)",
    ],
    [
      "assessments: instruments of the library",
      "update assessments set total_score = 99 where id = (select min(id) from assessments where instrument in ('ZAN-BPD', 'PHQ-9', 'BSL-23'))",
    ],
    [
      "plans: integrated actions only",
      "update treatment_plans set integrated_actions_started = true, shared_with_social_services = false, shared_with_work_inclusion = false where id = (select min(id) from treatment_plans)",
    ],
    [
      "groups: no more members than places",
      "update groups set max_size = 1 where id = (select min(group_id) from group_members)",
    ],
  ])("%s", async (name, update) => {
    class Rollback extends Error {}
    await db
      .transaction()
      .execute(async (trx) => {
        await sql.raw(update).execute(trx);
        const rows = await sql.raw(`${rule(name)} limit 5`).execute(trx);
        expect(rows.rows.length).toBeGreaterThan(0);
        throw new Rollback();
      })
      .catch((err) => {
        if (!(err instanceof Rollback)) throw err;
      });
  });
});
