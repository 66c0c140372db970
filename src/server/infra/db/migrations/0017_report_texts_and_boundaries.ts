import type { Kysely } from "kysely";
import { runScript } from "../sql-script.ts";

/**
 * Issue 12: what a region or a programme adds to its monitoring report.
 *
 * - `report_texts`: a programme's own wording of one text section of the report in one language
 *   (report/text-sections.ts lists the sections). `text` null means "reset to the default": the
 *   row stays so that `version` keeps growing and a save based on an older version is refused
 *   (optimistic locking, 409 stale_version) even after a reset.
 * - `region_boundaries`: the GeoJSON FeatureCollection of the region's areas (one feature per
 *   area, matched by the property `area_property`), validated before it is stored
 *   (structure/boundaries.ts); the report draws the regional map from it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
create table report_texts (
  id serial primary key,
  programme_id integer not null references programmes(id) on delete cascade,
  section text not null,
  lang text not null check (lang in ('en', 'it')),
  text text,
  version integer not null check (version > 0),
  updated_by integer references users(id) on delete set null,
  updated_at timestamptz not null default now(),
  unique (programme_id, section, lang)
);

create table region_boundaries (
  region_id integer primary key references regions(id) on delete cascade,
  area_property text not null,
  geojson jsonb not null,
  features integer not null check (features > 0),
  version integer not null check (version > 0),
  updated_by integer references users(id) on delete set null,
  updated_at timestamptz not null default now()
);
`,
  );
}

export async function down(): Promise<void> {
  throw new Error("0017_report_texts_and_boundaries cannot be reverted");
}
