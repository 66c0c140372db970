import type { ColumnType, Generated, JSONColumnType } from "kysely";

/** Row types of the database, as Kysely sees them. API types live beside each capability. */

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** Civil dates travel as `YYYY-MM-DD` text in both directions (see database.ts parsers). */
type CivilDate = string;

export interface RegionTable {
  id: Generated<number>;
  code: string;
  name: string;
}
export interface AreaTable {
  id: Generated<number>;
  region_id: number;
  code: string;
  name: string;
}
export interface SiteTable {
  id: Generated<number>;
  region_id: number;
  area_id: number | null;
  code: string;
  name: string;
}
export interface ServiceTable {
  id: Generated<number>;
  site_id: number;
  code: string;
  name: string;
  kind: string;
}
export interface UserTable {
  id: Generated<number>;
  username: string;
  display_name: Generated<string>;
  password_hash: string;
  active: Generated<boolean>;
  must_change_password: Generated<boolean>;
  language: Generated<string>;
  created_at: Generated<Date>;
}
export interface PracticeTable {
  id: Generated<number>;
  code: string;
  name: string;
  current_version: Generated<number>;
}
export interface PracticeVersionTable {
  practice_id: number;
  version: number;
  definition: JSONColumnType<object, string, string>;
  created_at: Generated<Date>;
  created_by: number | null;
}
export interface ProgrammeTable {
  id: Generated<number>;
  code: string;
  name: string;
  practice_id: number;
  practice_version: number;
  region_id: number;
  parameters: JSONColumnType<object, string, string>;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}
export interface ProgrammePhaseTable {
  programme_id: number;
  phase: string;
  start_date: CivilDate;
  end_date: CivilDate | null;
}
export interface ProgrammeSiteTable {
  programme_id: number;
  site_id: number;
  target_enrolment: number | null;
}
export interface ProfessionalTable {
  id: Generated<number>;
  code: string;
  site_id: number;
  profile: string;
  in_implementation_team: boolean;
  team_coordinator: boolean;
  trained: boolean;
  training_hours: number | null;
  /** The day they joined the site, when known (migration 0026). */
  joined_on: ColumnType<string | null, string | null | undefined, string | null>;
  /** The day they left the site; a professional who left is in no implementation team. */
  left_on: ColumnType<string | null, string | null | undefined, string | null>;
}
export interface UserRoleTable {
  id: Generated<number>;
  user_id: number;
  role: string;
  programme_id: number | null;
  site_id: number | null;
  professional_id: number | null;
}
export interface SessionTable {
  id_hash: string;
  user_id: number;
  csrf_token: string;
  created_at: Generated<Date>;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
}
export interface LoginFailureTable {
  key: string;
  at: Generated<Date>;
}
export interface AuditLogTable {
  seq: number;
  at: Timestamp;
  actor_id: number | null;
  actor: string;
  action: string;
  entity: string;
  entity_id: string | null;
  site_id: number | null;
  programme_id: number | null;
  detail: JSONColumnType<object, string, string>;
  prev_hash: string;
  hash: string;
  /** How `hash` was computed (migration 0013): plain SHA-256, or HMAC-SHA-256 with PRAXIS_AUDIT_KEY. */
  scheme: Generated<AuditScheme>;
}

export type AuditScheme = "sha256" | "hmac-sha256";

export interface PatientTable {
  id: Generated<number>;
  code: string;
  birth_year: number;
  sex: string;
  residence_area: string | null;
  first_contact_date: CivilDate | null;
  registered_site_id: number | null;
  created_at: Generated<Date>;
}
export interface EnrolmentTable {
  id: Generated<number>;
  code: string;
  patient_id: number;
  programme_id: number;
  site_id: number;
  enrolment_date: CivilDate;
  end_date: CivilDate | null;
  end_reason: string | null;
  primary_diagnosis: string | null;
  secondary_diagnosis: string | null;
  case_manager_code: string | null;
  case_manager_profile: string | null;
  eligibility: JSONColumnType<object, string | null, string | null> | null;
  eligibility_override_reason: string | null;
  /** The named coordinator, a professional of the site (migration 0024; kept from the code by a trigger). */
  coordinator_professional_id: ColumnType<number | null, number | null | undefined, number | null>;
}
export interface GroupTable {
  id: Generated<number>;
  code: string;
  site_id: number;
  programme_id: number | null;
  kind: string;
  name: Generated<string>;
  start_date: CivilDate;
  end_date: CivilDate | null;
  max_size: number | null;
  facilitators: ColumnType<string[], string[] | undefined, string[]>;
}
export interface GroupMemberTable {
  group_id: number;
  patient_id: number;
  joined_date: CivilDate;
  left_date: CivilDate | null;
}
export interface GroupSessionTable {
  id: Generated<number>;
  group_id: number;
  date: CivilDate;
  module: string | null;
  duration_min: number | null;
  professional_code: string | null;
  created_at: Generated<Date>;
}
export interface InterventionTable {
  id: Generated<number>;
  code: string;
  patient_id: number;
  site_id: number;
  date: CivilDate;
  type: string;
  setting: string;
  recipient: string;
  professional_code: string | null;
  professional_profile: string | null;
  duration_min: number | null;
  group_id: number | null;
  group_session_id: number | null;
  module: string | null;
  /** The user who recorded it through the API; null for imports (migration 0005). */
  created_by: ColumnType<number | null, number | null | undefined, number | null>;
}
export interface AssessmentTable {
  id: Generated<number>;
  code: string;
  patient_id: number;
  date: CivilDate;
  instrument: string;
  respondent: string;
  timepoint: string | null;
  total_score: number | null;
}
export interface TreatmentPlanTable {
  id: Generated<number>;
  code: string;
  patient_id: number;
  site_id: number;
  created_date: CivilDate;
  shared_with_patient_date: CivilDate | null;
  signed_by_patient: boolean;
  shared_with_social_services: boolean;
  shared_with_work_inclusion: boolean;
  integrated_actions_started: boolean;
  version: Generated<number>;
}
export interface TreatmentPlanHistoryTable {
  plan_id: number;
  version: number;
  changed_at: Generated<Date>;
  changed_by: string;
  state: JSONColumnType<object, string, string>;
}

/** Planning toolkit (migration 0006): artefacts owned by a programme and the region or a site. */
export interface PlanningQuestionnaireTable {
  id: Generated<number>;
  programme_id: number;
  code: string;
  title: string;
  created_at: Generated<Date>;
}
export interface PlanningRoundTable {
  id: Generated<number>;
  questionnaire_id: number;
  label: string;
  opens_on: CivilDate;
  closes_on: CivilDate;
  definition_version: number;
  created_at: Generated<Date>;
}
export interface PlanningArtefactTable {
  id: Generated<number>;
  programme_id: number;
  kind: string;
  site_id: number | null;
  questionnaire_id: number | null;
  round_id: number | null;
  current_version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}
export interface PlanningVersionTable {
  artefact_id: number;
  version: number;
  content: JSONColumnType<object, string, string>;
  created_at: Generated<Date>;
  created_by: number | null;
  author: string;
  /** The region version this site version copies (migration 0016); null when someone saved it. */
  from_region_version: Generated<number | null>;
}
/** Indicators (migration 0004): per-programme data versions, result cache, user definitions, pins. */
export interface IndicatorVerificationTable {
  id: Generated<number>;
  programme_id: number;
  started_at: Date;
  finished_at: Date;
  as_of: string[];
  cells: number;
  differences: number;
  detail: unknown;
  started_by: string;
}

/** Derived: per programme, the parameters its indicator facts were computed with (migration 0008). */
export interface IndicatorProgrammeParamsTable {
  programme_id: number;
  early_days: number;
  threshold: number;
  new_days: number;
  age_min: number;
  age_max: number;
  diagnoses: string[];
  psychosocial: string[];
  built_at: Date | null;
}

export interface IndicatorDataVersionTable {
  programme_id: number;
  version: number;
}
export interface IndicatorCacheTable {
  programme_id: number;
  cache_key: string;
  as_of: CivilDate | null;
  data_version: number;
  result: JSONColumnType<object, string, string>;
  computed_at: Generated<Date>;
}
export interface IndicatorDefinitionTable {
  id: Generated<number>;
  programme_id: number;
  indicator_id: string;
  definition: JSONColumnType<object, string, string>;
  version: Generated<number>;
  created_by: number | null;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}
/** A target of one indicator for a programme (site_id null) or one of its sites (migration 0015). */
export interface IndicatorTargetTable {
  id: Generated<number>;
  programme_id: number;
  indicator_id: string;
  site_id: number | null;
  value: number;
  direction: string;
  updated_at: Generated<Date>;
}
/** A programme's own wording of one report text section in one language (migration 0017); text null: reset. */
export interface ReportTextTable {
  id: Generated<number>;
  programme_id: number;
  section: string;
  lang: string;
  text: string | null;
  version: number;
  updated_by: number | null;
  updated_at: Generated<Date>;
}
/** The GeoJSON boundaries of a region's areas (migration 0017), validated by structure/boundaries.ts. */
export interface RegionBoundaryTable {
  region_id: number;
  area_property: string;
  geojson: JSONColumnType<object, string, string>;
  features: number;
  version: number;
  updated_by: number | null;
  updated_at: Generated<Date>;
}
export interface IndicatorPinTable {
  programme_id: number;
  indicator_id: string;
  position: number;
}

/** Import jobs of the web app (migration 0003): state and progress, readable by every server. */
export interface ImportJobTable {
  id: string;
  user_id: number | null;
  actor: string;
  status: string;
  options: JSONColumnType<object, string, string>;
  files: JSONColumnType<object, string, string>;
  progress: JSONColumnType<object, string, string>;
  report: ColumnType<object | null, string | null, string | null>;
  created_at: Generated<Date>;
  updated_at: Timestamp;
  /** The server instance running the job (0013; null before). */
  owner: ColumnType<string | null, string | null | undefined, string | null>;
}

/** Measures (migration 0007): administrations, licensed wordings, IMR summaries, reviews, training. */
export interface MeasureAdministrationTable {
  id: Generated<number>;
  assessment_id: number;
  patient_id: number;
  instrument: string;
  instrument_version: string;
  date: CivilDate;
  timepoint: string;
  respondent: string;
  entry: string;
  answers: ColumnType<Record<string, number | null> | null, string | null, string | null>;
  result: JSONColumnType<object, string, string>;
  created_by: number | null;
  created_at: Generated<Date>;
}
export interface InstrumentWordingTable {
  instrument: string;
  language: string;
  wording: JSONColumnType<object, string, string>;
  licence_note: string;
  version: Generated<number>;
  updated_by: number | null;
  updated_at: Timestamp;
}
export interface ImrSummaryTable {
  id: Generated<number>;
  patient_id: number;
  site_id: number;
  service_id: number | null;
  start_date: CivilDate;
  stop_date: CivilDate | null;
  format: string | null;
  manual_version: string | null;
  sessions: number | null;
  modules: ColumnType<string[], string[] | undefined, string[]>;
  version: Generated<number>;
  updated_by: number | null;
  updated_at: Timestamp;
}
export interface FidelityReviewTable {
  id: Generated<number>;
  scale: string;
  scale_version: string;
  programme_id: number;
  site_id: number;
  professional_id: number | null;
  review_date: CivilDate;
  notes: Generated<string>;
  result: JSONColumnType<object, string, string>;
  created_by: number | null;
  created_at: Generated<Date>;
}
export interface FidelityRatingTable {
  review_id: number;
  rater: string;
  item: string;
  rating: number;
}
export interface TrainingCourseTable {
  id: Generated<number>;
  code: string;
  programme_id: number | null;
  site_id: number | null;
  title: string;
  topic: string;
  hours: number;
  mode: string;
  start_date: CivilDate;
  end_date: CivilDate;
  created_by: number | null;
  created_at: Generated<Date>;
}
export interface TrainingAttendanceTable {
  course_id: number;
  professional_id: number;
  completed: boolean;
  satisfaction: number | null;
}
export interface SupervisionSessionTable {
  id: Generated<number>;
  site_id: number;
  date: CivilDate;
  supervisor: string;
  format: string;
  duration_min: number | null;
  professional_ids: ColumnType<number[], number[], number[]>;
  created_by: number | null;
  created_at: Generated<Date>;
}

/** A change of a programme site's implementation status (migration 0022). */
export interface SiteStatusChangeTable {
  id: Generated<number>;
  programme_id: number;
  site_id: number;
  version: number;
  status: string;
  effective_date: CivilDate;
  reason: string | null;
  note: string;
  changed_by: number | null;
  changed_by_name: string;
  created_at: Generated<Date>;
}
/** A practice offered to a patient and declined (migration 0023). */
export interface DeclinedOfferTable {
  id: Generated<number>;
  patient_id: number;
  programme_id: number;
  site_id: number;
  offer_date: CivilDate;
  reason: string;
  created_by: number | null;
  created_at: Generated<Date>;
}
/** A stored link of the planning chain (migration 0025): kind + item key at both ends. */
export interface PlanningChainLinkTable {
  id: Generated<number>;
  programme_id: number;
  site_id: number | null;
  from_kind: string;
  from_key: string;
  to_kind: string;
  to_key: string;
  created_by: number | null;
  created_at: Generated<Date>;
}
/** The site of the region a directory service is (migration 0019): its staff read plans shared with it. */
export interface DirectoryServiceSiteTable {
  service_id: number;
  site_id: number;
  updated_at: Generated<Date>;
}
/** A patient's consent to share with one directory service (migration 0019); withdrawal keeps the row. */
export interface CareConsentTable {
  id: Generated<number>;
  patient_id: number;
  site_id: number;
  service_id: number;
  scope: string;
  given_date: CivilDate;
  withdrawn_date: CivilDate | null;
  withdrawal_reason: string | null;
  created_by: number | null;
  created_at: Generated<Date>;
  withdrawn_by: number | null;
  withdrawn_at: Date | null;
}
/** The content of a treatment plan: goals, actions, review date (migration 0019). */
export interface CarePlanContentTable {
  plan_id: number;
  goals: JSONColumnType<object, string, string>;
  actions: JSONColumnType<object, string, string>;
  review_date: CivilDate | null;
  version: number;
  updated_by: number | null;
  updated_at: Generated<Date>;
}
/** A patient's crisis plan (migration 0019). */
export interface CrisisPlanTable {
  id: Generated<number>;
  patient_id: number;
  site_id: number;
  plan_date: CivilDate;
  warning_signs: string;
  what_helps: string;
  actions: JSONColumnType<object, string, string>;
  contact_service_ids: ColumnType<number[], number[], number[]>;
  review_date: CivilDate | null;
  version: number;
  updated_by: number | null;
  updated_at: Generated<Date>;
}
/** A service of the directory (migration 0021): any sector, in one region. */
export interface DirectoryServiceTable {
  id: Generated<number>;
  region_id: number;
  code: string;
  name: string;
  sector: string;
  description: Generated<string>;
  eligibility: Generated<string>;
  referral_route: string;
  referral_how: Generated<string>;
  phone: string | null;
  phone_private: boolean;
  email: string | null;
  email_private: boolean;
  web: string | null;
  web_private: boolean;
  opening_hours: Generated<string>;
  languages: ColumnType<string[], string[] | undefined, string[]>;
  active: Generated<boolean>;
  version: Generated<number>;
  updated_at: Generated<Date>;
}
export interface DirectoryServiceAreaTable {
  service_id: number;
  area_id: number;
}
export interface DirectorySettingsTable {
  region_id: number;
  public_enabled: Generated<boolean>;
  updated_at: Generated<Date>;
}

/** A region's protocol (migration 0018): its language and current version. */
export interface ProtocolTable {
  id: Generated<number>;
  region_id: number;
  language: string;
  current_version: Generated<number>;
  created_at: Generated<Date>;
}
export interface ProtocolVersionTable {
  protocol_id: number;
  version: number;
  content: JSONColumnType<object, string, string>;
  created_by: number | null;
  author: string;
  created_at: Generated<Date>;
}
export interface ProtocolSearchEntryTable {
  id: Generated<number>;
  protocol_id: number;
  language: string;
  kind: string;
  dimension_id: string | null;
  title: string;
  body: string;
}
export interface ProtocolToolTable {
  id: Generated<number>;
  protocol_id: number;
  dimension_id: string;
  file_name: string;
  media_type: string;
  size_bytes: number;
  bytes: Buffer;
  uploaded_by: number | null;
  uploaded_by_name: string;
  created_at: Generated<Date>;
}
export interface ProtocolDimensionLinkTable {
  id: Generated<number>;
  programme_id: number;
  site_id: number | null;
  item_kind: string;
  item_id: string;
  protocol_id: number;
  dimension_id: string;
  created_by: number | null;
  created_at: Generated<Date>;
}
export interface ProtocolAssessmentTable {
  id: Generated<number>;
  protocol_id: number;
  site_id: number;
  protocol_version: number;
  assessed_on: CivilDate;
  levels: JSONColumnType<object, string, string>;
  created_by: number | null;
  author: string;
  created_at: Generated<Date>;
}
/** A referral of a patient to a directory service (migration 0024). */
export interface ReferralTable {
  id: Generated<number>;
  patient_id: number;
  site_id: number;
  from_service_id: number | null;
  to_service_id: number;
  reason: string;
  referral_date: CivilDate;
  decision: Generated<string>;
  decision_date: CivilDate | null;
  decline_reason: string | null;
  first_contact_date: CivilDate | null;
  created_by: number | null;
  created_at: Generated<Date>;
}
/** A patient's Four Quadrants stratification at a site (migration 0024). */
export interface PathwayStratificationTable {
  id: Generated<number>;
  patient_id: number;
  site_id: number;
  stratified_date: CivilDate;
  mental_health_severity: string;
  co_occurring_severity: string;
  quadrant: string;
  note: Generated<string>;
  created_by: number | null;
  created_at: Generated<Date>;
}
/** An appointment the patient did not attend (migration 0024): never an intervention. */
export interface MissedAppointmentTable {
  id: Generated<number>;
  patient_id: number;
  site_id: number;
  date: CivilDate;
  type: string;
  professional_code: string | null;
  professional_profile: string | null;
  created_by: number | null;
  created_at: Generated<Date>;
}
/** A check-in with a patient on a disengagement worklist (migration 0024). */
export interface CheckInTable {
  id: Generated<number>;
  patient_id: number;
  site_id: number;
  date: CivilDate;
  list: string;
  outcome: string;
  note: Generated<string>;
  created_by: number | null;
  created_at: Generated<Date>;
}

export interface DB {
  protocols: ProtocolTable;
  protocol_versions: ProtocolVersionTable;
  protocol_search_entries: ProtocolSearchEntryTable;
  protocol_tools: ProtocolToolTable;
  protocol_dimension_links: ProtocolDimensionLinkTable;
  protocol_assessments: ProtocolAssessmentTable;
  regions: RegionTable;
  areas: AreaTable;
  sites: SiteTable;
  services: ServiceTable;
  users: UserTable;
  practices: PracticeTable;
  practice_versions: PracticeVersionTable;
  programmes: ProgrammeTable;
  programme_phases: ProgrammePhaseTable;
  programme_sites: ProgrammeSiteTable;
  professionals: ProfessionalTable;
  user_roles: UserRoleTable;
  sessions: SessionTable;
  login_failures: LoginFailureTable;
  audit_log: AuditLogTable;
  patients: PatientTable;
  enrolments: EnrolmentTable;
  groups: GroupTable;
  group_members: GroupMemberTable;
  group_sessions: GroupSessionTable;
  interventions: InterventionTable;
  assessments: AssessmentTable;
  treatment_plans: TreatmentPlanTable;
  treatment_plan_history: TreatmentPlanHistoryTable;
  import_jobs: ImportJobTable;
  indicator_data_versions: IndicatorDataVersionTable;
  indicator_verifications: IndicatorVerificationTable;
  indicator_programme_params: IndicatorProgrammeParamsTable;
  indicator_cache: IndicatorCacheTable;
  indicator_definitions: IndicatorDefinitionTable;
  indicator_pins: IndicatorPinTable;
  indicator_targets: IndicatorTargetTable;
  report_texts: ReportTextTable;
  region_boundaries: RegionBoundaryTable;
  planning_questionnaires: PlanningQuestionnaireTable;
  planning_rounds: PlanningRoundTable;
  planning_artefacts: PlanningArtefactTable;
  planning_versions: PlanningVersionTable;
  measure_administrations: MeasureAdministrationTable;
  instrument_wordings: InstrumentWordingTable;
  imr_summaries: ImrSummaryTable;
  fidelity_reviews: FidelityReviewTable;
  fidelity_ratings: FidelityRatingTable;
  training_courses: TrainingCourseTable;
  training_attendance: TrainingAttendanceTable;
  supervision_sessions: SupervisionSessionTable;
  site_status_changes: SiteStatusChangeTable;
  declined_offers: DeclinedOfferTable;
  planning_chain_links: PlanningChainLinkTable;
  directory_services: DirectoryServiceTable;
  directory_service_areas: DirectoryServiceAreaTable;
  directory_settings: DirectorySettingsTable;
  directory_service_sites: DirectoryServiceSiteTable;
  care_consents: CareConsentTable;
  care_plan_contents: CarePlanContentTable;
  crisis_plans: CrisisPlanTable;
  referrals: ReferralTable;
  pathway_stratifications: PathwayStratificationTable;
  missed_appointments: MissedAppointmentTable;
  check_ins: CheckInTable;
}
