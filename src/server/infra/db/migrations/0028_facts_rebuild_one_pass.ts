import type { Kysely } from "kysely";
import { runScript } from "../sql-script.ts";
import {
  COUNTERS,
  computeFacts,
  EARLY_TYPES,
  eventsOf,
  FACT_NAMES,
  monthHistogramEvents,
  REBUILD_CLOSING,
  REBUILD_OPENING,
  upsertDays,
  upsertMonthHistograms,
} from "./0008_indicator_facts.ts";

/**
 * Issue 9, what keeping facts costs an import: rebuilding a programme's facts (after a load into
 * the empty interventions table, in the demo and in a restore) joined every intervention to its
 * enrolments twice — once for the per-enrolment counts, once for the per-(site, day) intervention
 * counters — and summed the second join as 27-column event rows. Measured on an 891,605-intervention
 * import (docs/benchmarks.md): the two statements were 2.2 s and 1.1 s of the 3.8 s the facts took.
 *
 * The rebuild now makes one pass: the join, with its conditions (early window, psychosocial,
 * family) computed once per row, is summed by grouping sets into both the (enrolment, month)
 * counts computeFacts reads and the (programme, site, day) intervention counts; the facts rows,
 * their month histograms and their day counters are then written by one statement from that.
 * Same SQL and same results as 0008's rebuild: `praxis indicators verify --deep` and the facts
 * property tests compare it with the recomputation and with the facts the triggers keep.
 */
const FAMILY = "('family', 'patient_and_family')";

/** Per (enrolment, month) and per (programme, site, day), over programme `pid`'s care periods. */
const ONE_PASS = `
  select grouping(j.id) as g, j.id, j.m, j.programme_id, j.site_id, j.date,
    count(*) filter (where j.early and j.psy) as early_psy,
    ${EARLY_TYPES.map((t) => `count(*) filter (where j.early and j.type = '${t}') as early_${t}`).join(",\n    ")},
    count(*) as care_iv,
    count(*) filter (where j.psy) as care_psy,
    count(*) filter (where j.family) as care_family,
    min(j.date) filter (where j.family) as family_first,
    max(j.date) as last_date
  from (
    select e.id, e.programme_id, e.site_id, x.date, x.type,
      -- computeFacts' month offset; date_part (float8) rather than extract (numeric): the same
      -- whole numbers at less cost per row
      ((date_part('year', x.date)::int - date_part('year', e.enrolment_date)::int) * 12
        + date_part('month', x.date)::int - date_part('month', e.enrolment_date)::int) as m,
      x.date <= e.enrolment_date + (pp.early_days - 1) as early,
      x.type = any(pp.psychosocial) as psy,
      x.recipient in ${FAMILY} as family
    from enrolments e
    join indicator_programme_params pp on pp.programme_id = e.programme_id
    join interventions x on x.patient_id = e.patient_id and x.date >= e.enrolment_date
      and (e.end_date is null or x.date <= e.end_date)
    where e.programme_id = pid
    offset 0
  ) j
  group by grouping sets ((j.id, j.m), (j.programme_id, j.site_id, j.date))`;

/** computeFacts' `ivm`, read from the one pass. */
const IVM_FROM_PASS = `
    select id, m, early_psy, ${EARLY_TYPES.map((t) => `early_${t}`).join(", ")},
      care_iv, care_psy, care_family, family_first, last_date
    from pass where g = 0
`;

/** The day rows of the pass as event rows of indicator_site_days (interventions and psychosocial). */
const PASS_DAYS = `
    select programme_id, site_id, date as day, ${COUNTERS.map((c) =>
      c === "interventions"
        ? "care_iv as interventions"
        : c === "psychosocial"
          ? "care_psy as psychosocial"
          : `0 as ${c}`,
    ).join(", ")}
    from pass where g = 1`;

/**
 * A programme's rebuild from its pass (`pass`: the query of the pass's rows, grouping sets as
 * ONE_PASS's `g`), as function `name`; migration 0030 gives it the sums an import computed.
 */
export const rebuildFromPass = (name: string, pass: string) => `
create or replace function ${name}(pid integer) returns void language plpgsql as $$
begin
${REBUILD_OPENING}  with pass as ${pass},
  fresh as materialized (${computeFacts("e.programme_id = pid", IVM_FROM_PASS)}),
  saved as (
    insert into indicator_enrolment_facts (${FACT_NAMES.join(", ")})
    select ${FACT_NAMES.join(", ")} from fresh
  ),
  hist as (${upsertMonthHistograms(monthHistogramEvents("fresh", "1"))}
  )
  ${upsertDays(`${eventsOf("fresh", "1")} union all ${PASS_DAYS}`)};
${REBUILD_CLOSING}end $$;
`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(db, rebuildFromPass("indicator_rebuild_programme", `materialized (${ONE_PASS})`));
}

export async function down(): Promise<void> {
  throw new Error("0028_facts_rebuild_one_pass cannot be reverted");
}
