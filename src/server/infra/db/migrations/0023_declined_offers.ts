import type { Kysely } from "kysely";
import { runScript } from "../sql-script.ts";

/**
 * Issue 13, part 5: a practice (programme) offered to an eligible patient at one of its sites and
 * declined — when, and why in a closed list — so uptake can be told as enrolled ÷ (enrolled +
 * declined). Patient-level: read and written through the registry's access rules, audited.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
create table declined_offers (
  id serial primary key,
  patient_id integer not null references patients(id),
  programme_id integer not null references programmes(id) on delete cascade,
  site_id integer not null references sites(id),
  offer_date date not null,
  reason text not null check (reason in ('not_interested', 'practical_barriers', 'clinical_reasons', 'other')),
  created_by integer references users(id),
  created_at timestamptz not null default now()
);
create index declined_offers_patient_idx on declined_offers (patient_id);
create index declined_offers_programme_site_idx on declined_offers (programme_id, site_id, offer_date);
`,
  );
}

export async function down(): Promise<void> {
  throw new Error("0023_declined_offers cannot be reverted");
}
