import type { Kysely } from "kysely";
import { runScript } from "../sql-script.ts";

/**
 * Issue 13, part 7: the stored links of one traceable chain — SANA finding → SWOT item → ToC
 * node → plan activity → indicator → roadmap objective — at a programme's region level
 * (`site_id` null) or one of its sites. Each end is a kind and the stable key of an item inside
 * the current versioned artefact (SWOT item id, ToC node id, activity id, objective id, SANA
 * indicator id, indicator engine id), never a version: a later version that drops the item leaves
 * the link in place, and the chain view flags it as broken.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
create table planning_chain_links (
  id serial primary key,
  programme_id integer not null references programmes(id) on delete cascade,
  site_id integer references sites(id),
  from_kind text not null,
  from_key text not null,
  to_kind text not null,
  to_key text not null,
  created_by integer references users(id),
  created_at timestamptz not null default now(),
  check ((from_kind, to_kind) in (('sana_finding', 'swot_item'), ('swot_item', 'toc_node'), ('toc_node', 'activity'),
    ('activity', 'indicator'), ('indicator', 'roadmap_objective')))
);
create unique index planning_chain_links_unique_idx
  on planning_chain_links (programme_id, coalesce(site_id, 0), from_kind, from_key, to_kind, to_key);
`,
  );
}

export async function down(): Promise<void> {
  throw new Error("0025_planning_chain_links cannot be reverted");
}
