import type { Kysely } from "kysely";
import { runScript } from "../sql-script.ts";

/**
 * Measurement and treatment integrity: administrations of library instruments (each also an
 * `assessments` row, so indicators and exports see it), licensed wordings loaded by a service,
 * IMR summary forms, fidelity and integrity reviews with per-rater ratings, training courses with
 * attendance and satisfaction, and supervision sessions.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
create table measure_administrations (
  id serial primary key,
  -- the assessments row this administration is (same code); removed with it
  assessment_id integer not null unique references assessments(id) on delete cascade,
  patient_id integer not null references patients(id),
  instrument text not null,
  instrument_version text not null,
  date date not null,
  timepoint text not null check (timepoint in ('baseline','follow_up','end','other')),
  respondent text not null check (respondent in ('patient','clinician','family')),
  entry text not null check (entry in ('items','total')),
  -- item id -> answer value, for item-level entry
  answers jsonb,
  -- the scoring result at the time (total, sub-scales, band, flags)
  result jsonb not null,
  created_by integer references users(id) on delete set null,
  created_at timestamptz not null default now(),
  check ((entry = 'items') = (answers is not null))
);
create index measure_administrations_patient_idx on measure_administrations(patient_id, instrument, date);

-- licensed item wording a service loads for a score-only instrument; never shipped in the code
create table instrument_wordings (
  instrument text not null,
  language text not null default 'en',
  wording jsonb not null,
  licence_note text not null,
  version integer not null default 1,
  updated_by integer references users(id) on delete set null,
  updated_at timestamptz not null default now(),
  primary key (instrument, language)
);

-- the IMR summary form (Ferrara): one per patient and site, completed by the provider
create table imr_summaries (
  id serial primary key,
  patient_id integer not null references patients(id),
  site_id integer not null references sites(id),
  service_id integer references services(id),
  start_date date not null,
  stop_date date,
  format text check (format in ('individual','group','mixed')),
  manual_version text,
  sessions integer check (sessions is null or sessions >= 0),
  modules text[] not null default '{}',
  version integer not null default 1,
  updated_by integer references users(id) on delete set null,
  updated_at timestamptz not null default now(),
  unique (patient_id, site_id),
  check (stop_date is null or stop_date >= start_date)
);

create table fidelity_reviews (
  id serial primary key,
  scale text not null,
  scale_version text not null,
  programme_id integer not null references programmes(id),
  site_id integer not null references sites(id),
  -- the therapist reviewed, for reviews of a therapist
  professional_id integer references professionals(id),
  review_date date not null,
  notes text not null default '',
  result jsonb not null,
  created_by integer references users(id) on delete set null,
  created_at timestamptz not null default now()
);
create index fidelity_reviews_site_idx on fidelity_reviews(programme_id, site_id, scale, review_date);

create table fidelity_ratings (
  review_id integer not null references fidelity_reviews(id) on delete cascade,
  rater text not null,
  item text not null,
  rating integer not null,
  primary key (review_id, rater, item)
);

create table training_courses (
  id serial primary key,
  code text not null unique,
  programme_id integer references programmes(id),
  site_id integer references sites(id),
  title text not null,
  topic text not null,
  hours numeric not null check (hours >= 0),
  mode text not null check (mode in ('in_person','online','blended')),
  start_date date not null,
  end_date date not null,
  created_by integer references users(id) on delete set null,
  created_at timestamptz not null default now(),
  check (end_date >= start_date)
);

create table training_attendance (
  course_id integer not null references training_courses(id) on delete cascade,
  professional_id integer not null references professionals(id) on delete cascade,
  completed boolean not null default false,
  satisfaction smallint check (satisfaction between 1 and 5),
  primary key (course_id, professional_id)
);
create index training_attendance_professional_idx on training_attendance(professional_id);

create table supervision_sessions (
  id serial primary key,
  site_id integer not null references sites(id),
  date date not null,
  supervisor text not null,
  format text not null check (format in ('individual','group')),
  duration_min integer check (duration_min is null or duration_min between 1 and 600),
  professional_ids integer[] not null,
  created_by integer references users(id) on delete set null,
  created_at timestamptz not null default now()
);
create index supervision_sessions_site_idx on supervision_sessions(site_id, date);
`,
  );
}

export async function down(): Promise<void> {
  throw new Error("the measures migration cannot be reverted");
}
