import type { Kysely } from "kysely";
import { runScript } from "../sql-script.ts";

/**
 * Issue 11, sites start from the region: a site's version of an artefact that was copied from the
 * region's (the template applied, the region saving while the site had nothing yet, or the site
 * taking the region's newer version) records which region version it copies, so the region's
 * overview can tell per site whether it still follows the region, was edited locally, or started
 * from an older version than the region's current one. The region's artefact is the one of the
 * same programme and kind with no site, so the version number is the whole link; it is null on
 * every version a person saved.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
alter table planning_versions add column from_region_version integer check (from_region_version > 0);
create index planning_versions_copies_idx on planning_versions (artefact_id, version)
  where from_region_version is not null;
`,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
drop index planning_versions_copies_idx;
alter table planning_versions drop column from_region_version;
`,
  );
}
