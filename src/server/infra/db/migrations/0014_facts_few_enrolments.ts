import type { Kysely } from "kysely";
import { runScript } from "../sql-script.ts";

/**
 * Issue 9, the cost of keeping facts on a write: refreshing one patient's enrolments ran one
 * large statement planned afresh on every call (`force_custom_plan`, chosen for imports whose
 * arrays hold thousands of ids). For the few enrolments of an API write the planning was most of
 * the cost (measured on a 22k-patient demo on PostgreSQL: 6.0 ms median per refresh with a fresh
 * plan, 1.4–1.7 ms with the session's generic plan). The function now dispatches on the number
 * of enrolments: up to 64 take a copy of the same statement that keeps its generic plan, more
 * take the original, planned for the array it gets. The copy is made from the stored definition,
 * so both always run the same SQL.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
alter function indicator_refresh_enrolments(integer[]) rename to indicator_refresh_enrolments_many;

do $$
declare
  def text := pg_get_functiondef('indicator_refresh_enrolments_many(integer[])'::regprocedure);
begin
  def := replace(def, 'indicator_refresh_enrolments_many(', 'indicator_refresh_enrolments_few(');
  def := replace(def, 'force_custom_plan', 'force_generic_plan');
  if position('indicator_refresh_enrolments_few(' in def) = 0 or position('force_generic_plan' in def) = 0 then
    raise exception 'indicator_refresh_enrolments: unexpected definition';
  end if;
  execute def;
end $$;

create function indicator_refresh_enrolments(ids integer[]) returns void language plpgsql as $$
begin
  if ids is null or cardinality(ids) = 0 then return; end if;
  if cardinality(ids) <= 64 then
    perform indicator_refresh_enrolments_few(ids);
  else
    perform indicator_refresh_enrolments_many(ids);
  end if;
end $$;
`,
  );
}

export async function down(): Promise<void> {
  throw new Error("0014_facts_few_enrolments cannot be reverted");
}
