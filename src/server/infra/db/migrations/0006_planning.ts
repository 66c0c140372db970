import type { Kysely } from "kysely";
import { runScript } from "../sql-script.ts";

/**
 * The planning toolkit (src/server/planning): every artefact — SANA template and values, SWOT
 * tag vocabulary and matrices, Theory of Change, action plan, roadmap, questionnaire definitions
 * and responses — is a row of `planning_artefacts` owned by a programme and either the region
 * (site_id null) or one site, and each save appends a full jsonb snapshot to `planning_versions`.
 * Questionnaires and their rounds have rows of their own so responses can refer to a round.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
create table planning_questionnaires (
  id serial primary key,
  programme_id integer not null references programmes(id) on delete cascade,
  code text not null,
  title text not null,
  created_at timestamptz not null default now(),
  unique (programme_id, code)
);

create table planning_rounds (
  id serial primary key,
  questionnaire_id integer not null references planning_questionnaires(id) on delete cascade,
  label text not null,
  opens_on date not null,
  closes_on date not null,
  definition_version integer not null check (definition_version > 0),
  created_at timestamptz not null default now(),
  unique (questionnaire_id, label),
  check (closes_on >= opens_on)
);
create index planning_rounds_questionnaire_idx on planning_rounds(questionnaire_id, opens_on);

create table planning_artefacts (
  id serial primary key,
  programme_id integer not null references programmes(id) on delete cascade,
  kind text not null check (kind in (
    'sana_template','sana','swot_tags','swot','toc','action_plan','roadmap','questionnaire','questionnaire_response'
  )),
  site_id integer references sites(id),
  questionnaire_id integer references planning_questionnaires(id) on delete cascade,
  round_id integer references planning_rounds(id) on delete cascade,
  current_version integer not null default 0 check (current_version >= 0),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (kind not in ('sana_template','swot_tags','questionnaire') or site_id is null),
  check (kind <> 'questionnaire_response' or (site_id is not null and round_id is not null)),
  check ((kind = 'questionnaire') = (questionnaire_id is not null)),
  check ((kind = 'questionnaire_response') = (round_id is not null))
);
create unique index planning_artefacts_owner_idx on planning_artefacts (
  programme_id, kind, coalesce(site_id, 0), coalesce(questionnaire_id, 0), coalesce(round_id, 0)
);
create index planning_artefacts_site_idx on planning_artefacts(site_id) where site_id is not null;

create table planning_versions (
  artefact_id integer not null references planning_artefacts(id) on delete cascade,
  version integer not null check (version > 0),
  content jsonb not null,
  created_at timestamptz not null default now(),
  created_by integer references users(id) on delete set null,
  author text not null,
  primary key (artefact_id, version)
);
`,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
drop table planning_versions;
drop table planning_artefacts;
drop table planning_rounds;
drop table planning_questionnaires;
`,
  );
}
