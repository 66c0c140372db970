import type { Kysely } from "kysely";
import { runScript } from "../sql-script.ts";

/**
 * Issue 13, part 1: the protocol learning system.
 * - `protocols`: a region's protocol and the language its text is written in ('en' | 'it'),
 *   with the number of its current version (the optimistic lock of the next save);
 * - `protocol_versions`: every saved version of its content (title, summary, dimensions with
 *   what is expected, examples and case studies) as JSON — never updated, like planning's;
 * - `protocol_search_entries`: the current version's text cut into searchable pieces (the
 *   protocol, each dimension, example and case study), rewritten with each save. Searched through
 *   expression indexes — one per text-search configuration, partial on the language — and not
 *   generated columns, so a backup restores them with `select *`;
 * - `protocol_tools`: files a coordinator attached to a dimension, their bytes in the database
 *   (every server of a deployment serves them);
 * - `protocol_dimension_links`: an action-plan activity or a SWOT item of a programme (its
 *   region's when site_id is null) addressing a dimension; the items live in planning's
 *   versioned JSON and are named by their stable item id, so planning's versions stay as they are;
 * - `protocol_assessments`: a site's self-assessment against a protocol's dimensions (a level
 *   0–3 and a note per dimension), dated; rows are never updated, the history is the rows.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
create table protocols (
  id serial primary key,
  region_id integer not null references regions(id),
  language text not null check (language in ('en', 'it')),
  current_version integer not null default 0 check (current_version >= 0),
  created_at timestamptz not null default now()
);
create index protocols_region_idx on protocols (region_id);

create table protocol_versions (
  protocol_id integer not null references protocols(id) on delete cascade,
  version integer not null check (version >= 1),
  content jsonb not null,
  created_by integer references users(id),
  author text not null,
  created_at timestamptz not null default now(),
  primary key (protocol_id, version)
);

create table protocol_search_entries (
  id serial primary key,
  protocol_id integer not null references protocols(id) on delete cascade,
  language text not null check (language in ('en', 'it')),
  kind text not null check (kind in ('protocol', 'dimension', 'example', 'case_study')),
  dimension_id text,
  title text not null,
  body text not null
);
create index protocol_search_entries_protocol_idx on protocol_search_entries (protocol_id);
create index protocol_search_en_idx on protocol_search_entries
  using gin (to_tsvector('english'::regconfig, title || ' ' || body)) where language = 'en';
create index protocol_search_it_idx on protocol_search_entries
  using gin (to_tsvector('italian'::regconfig, title || ' ' || body)) where language = 'it';

create table protocol_tools (
  id serial primary key,
  protocol_id integer not null references protocols(id) on delete cascade,
  dimension_id text not null,
  file_name text not null check (length(file_name) between 1 and 200),
  media_type text not null,
  size_bytes integer not null check (size_bytes > 0),
  bytes bytea not null,
  uploaded_by integer references users(id),
  uploaded_by_name text not null,
  created_at timestamptz not null default now()
);
create index protocol_tools_dimension_idx on protocol_tools (protocol_id, dimension_id);

create table protocol_dimension_links (
  id serial primary key,
  programme_id integer not null references programmes(id) on delete cascade,
  site_id integer references sites(id),
  item_kind text not null check (item_kind in ('activity', 'swot')),
  item_id text not null,
  protocol_id integer not null references protocols(id) on delete cascade,
  dimension_id text not null,
  created_by integer references users(id),
  created_at timestamptz not null default now()
);
create unique index protocol_dimension_links_item_idx
  on protocol_dimension_links (programme_id, coalesce(site_id, 0), item_kind, item_id);
create index protocol_dimension_links_dimension_idx on protocol_dimension_links (protocol_id, dimension_id);

create table protocol_assessments (
  id serial primary key,
  protocol_id integer not null references protocols(id) on delete cascade,
  site_id integer not null references sites(id),
  protocol_version integer not null,
  assessed_on date not null,
  levels jsonb not null,
  created_by integer references users(id),
  author text not null,
  created_at timestamptz not null default now()
);
create index protocol_assessments_site_idx on protocol_assessments (protocol_id, site_id, assessed_on desc, id desc);
`,
  );
}

export async function down(): Promise<void> {
  throw new Error("0018_protocols cannot be reverted");
}
