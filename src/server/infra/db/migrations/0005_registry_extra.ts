import type { Kysely } from "kysely";
import { runScript } from "../sql-script.ts";

/**
 * Who recorded an intervention through the API (null for imports and the demo): the fast entry
 * form proposes the type the user recorded last, found through this index without scanning.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
alter table interventions add column created_by integer references users(id) on delete set null;
create index interventions_created_by_idx on interventions(created_by, id) where created_by is not null;
`,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    "drop index interventions_created_by_idx; alter table interventions drop column created_by;",
  );
}
