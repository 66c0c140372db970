import type { Kysely } from "kysely";
import { runScript } from "../sql-script.ts";
import {
  computeFacts,
  eventsOf,
  FACT_NAMES,
  monthHistogramEvents,
  upsertDays,
  upsertMonthHistograms,
} from "./0008_indicator_facts.ts";

/**
 * Issue 9, what keeping facts costs one API write. Refreshing the enrolments of one patient
 * (`indicator_refresh_enrolments_few`, migration 0014) ran one statement that always moved the
 * enrolment's events and month-histogram entries from its old facts row to its new one — a
 * generic plan of 180 nodes (12 event branches, 20 sorts) whose start and end cost more than its
 * run — and then bumped the site versions through a SQL function planned afresh on every call.
 * Measured on the region demo (220k patients) on PostgreSQL: 1.0–1.6 ms per refresh, of which
 * the statements' own runs were 0.65 ms.
 *
 * Most writes change no event: a visit that is not psychosocial moves only the enrolment's totals
 * and horizon, and psychosocial care after the early window moves its month histogram but none of
 * its events. The refresh now computes the fresh rows
 * into an array, compares them with the stored ones, and moves events only for the enrolments
 * whose event columns changed, and histogram entries only for those whose psychosocial months
 * changed; an unchanged enrolment contributes events that cancel exactly, so skipping it stores
 * the same sums (all-zero day rows say nothing: verify ignores them, a rebuild prunes them).
 * The facts rows are written when they changed, and the site versions bumped on every refresh
 * (user-defined indicators recomputed from the records are cached under them), in statements whose
 * plans stay cached. Same results as before: the facts property tests and
 * `praxis indicators verify` compare them with the recomputation.
 */

/**
 * The columns eventsOf reads from a facts row (besides the programme's parameters): all but the
 * totals, the psychosocial months (histograms only), the patient and the horizon.
 */
const NOT_EVENTS = new Set([
  "patient_id",
  "care_iv",
  "care_psy",
  "care_family",
  "psy_offsets",
  "psy_cum",
  "plans",
  "horizon",
]);
const EVENT_COLUMNS = FACT_NAMES.filter((n) => !NOT_EVENTS.has(n));

/** The columns monthHistogramEvents reads. */
const HISTOGRAM_COLUMNS = [
  "enrolment_id",
  "programme_id",
  "site_id",
  "enrolment_date",
  "psy_offsets",
  "psy_cum",
];

/** The rows of `rel` that differ from `other` in `columns` (each a facts row). */
const changed = (rel: string, other: string, columns: string[]) => {
  const cols = (alias: string) => columns.map((c) => `${alias}.${c}`).join(", ");
  return `(select a.* from unnest(${rel}) a where not exists (
      select 1 from unnest(${other}) b where (${cols("b")}) is not distinct from (${cols("a")})))`;
};

/** The `columns` of every facts row of the array `rel`, as an array of rows, in its order. */
const projected = (rel: string, columns: string[]) =>
  `array(select row(${columns.map((c) => `f.${c}`).join(", ")}) from unnest(${rel}) f)`;

const updateFacts = FACT_NAMES.filter((n) => n !== "enrolment_id")
  .map((n) => `${n} = excluded.${n}`)
  .join(", ");

export const SCRIPT = `
create or replace function indicator_refresh_enrolments_few(ids integer[]) returns void language plpgsql
set plan_cache_mode = force_generic_plan as $$
declare
  fresh indicator_enrolment_facts[];
  old indicator_enrolment_facts[];
begin
  if ids is null or cardinality(ids) = 0 then return; end if;
  fresh := array(select row(${FACT_NAMES.map((n) => `z.${n}`).join(", ")})::indicator_enrolment_facts
    from (${computeFacts("e.id = any(ids)")}) z order by z.enrolment_id);
  old := array(select f from indicator_enrolment_facts f where f.enrolment_id = any(ids) order by f.enrolment_id);
  if fresh is distinct from old then
    delete from indicator_enrolment_facts f
    where f.enrolment_id = any(ids) and f.enrolment_id <> all(array(select n.enrolment_id from unnest(fresh) n));
    insert into indicator_enrolment_facts (${FACT_NAMES.join(", ")})
    select ${FACT_NAMES.join(", ")} from unnest(fresh) order by enrolment_id
    on conflict (enrolment_id) do update set ${updateFacts};
    if ${projected("fresh", EVENT_COLUMNS)}
        is distinct from ${projected("old", EVENT_COLUMNS)} then
      ${upsertDays(
        `${eventsOf(changed("fresh", "old", EVENT_COLUMNS), "1")} union all ${eventsOf(changed("old", "fresh", EVENT_COLUMNS), "-1")}`,
      )};
    end if;
    if ${projected("fresh", HISTOGRAM_COLUMNS)}
        is distinct from ${projected("old", HISTOGRAM_COLUMNS)} then
      ${upsertMonthHistograms(
        `${monthHistogramEvents(changed("fresh", "old", HISTOGRAM_COLUMNS), "1")} union all ${monthHistogramEvents(changed("old", "fresh", HISTOGRAM_COLUMNS), "-1")}`,
      )};
    end if;
  end if;
  -- The (programme, site) of each enrolment before (its old facts row) and after (the registry).
  insert into indicator_site_versions as v (programme_id, site_id, version)
  select programme_id, site_id, 1 from (
    select o.programme_id, o.site_id from unnest(old) o
    union select e.programme_id, e.site_id from enrolments e where e.id = any(ids)) z
  order by 1, 2
  on conflict (programme_id, site_id) do update set version = v.version + 1;
end $$;

-- Take the programmes' shared locks, then the patients' buckets, in order: one statement each.
create or replace function indicator_facts_lock(patients integer[]) returns void language plpgsql as $$
begin
  perform pg_advisory_xact_lock_shared(1886413107, z.programme_id)
  from (select distinct programme_id from enrolments where patient_id = any(patients) order by 1) z;
  perform pg_advisory_xact_lock(1886413106, z.b)
  from (select distinct p % 4096 as b from unnest(patients) p order by 1) z;
end $$;
`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(db, SCRIPT);
}

export async function down(): Promise<void> {
  throw new Error("0029_facts_refresh_few_lean cannot be reverted");
}
