import type { Kysely } from "kysely";
import { runScript } from "../sql-script.ts";

/**
 * Indicator facts: what the built-in catalogue (INDICATORS.md) needs, maintained as the registry
 * changes, in the same transaction as the change — so a dashboard never waits for a recomputation
 * over every intervention of a region. See ARCHITECTURE.md "Indicator facts" and
 * docs/indicators.md. Three tables, all derived (a rebuild recreates them from the registry):
 *
 *   indicator_programme_params   per programme, the parameters the facts depend on (INDICATORS.md
 *                                defaults filled in) and the practice's psychosocial types;
 *   indicator_enrolment_facts    per enrolment ("tier 1"): its static flags (age in band, target
 *                                diagnosis, …) and, over the patient's records without any
 *                                reference date (R = ∞), the counts of every record set the
 *                                catalogue uses, the first dates that make a condition true, the
 *                                sorted keys of its plans, and `horizon`, the latest date of any
 *                                record counted — for R ≥ horizon the row is exact at R;
 *   indicator_site_days          per (programme, site, day) ("tier 2"): how much each counter of
 *                                the catalogue changes on that day. Every counter is a step
 *                                function of R, so a value as of R is the sum over day ≤ R — exact
 *                                for every R, today or past, and a monthly trend is one pass.
 *   indicator_site_month_histograms  per (programme, site, month, n): how the number of enrolments
 *                                with n psychosocial interventions in their care period so far
 *                                changes in that month — summed over months ≤ M, the exact
 *                                distribution at the end of M, so every median is exact.
 *
 * Events (the day a counter moves for an enrolment): enrolment_date for E and its static flags;
 * enrolment_date + earlyWindowDays for E90 and the early-window flags (all their records lie before
 * that day); the first family intervention; max(enrolment_date, first plan) for "has a plan"; every
 * change of the latest plan's flags, at max(enrolment_date, plan date); end_date for drop-outs; and
 * each intervention's own date for the intervention counts.
 *
 * Maintenance: statement-level triggers with transition tables on interventions, assessments,
 * treatment_plans, enrolments, patients and programmes. A record change adds its deltas to
 * indicator_site_days directly, then the enrolments of the patients it touches are recomputed
 * (`indicator_refresh_enrolments`, set-based): the old tier-1 rows' events are subtracted and the
 * new ones' added. Writers serialise per patient (transaction advisory locks on 4096 buckets of
 * patient ids, taken in order) and share a lock per programme that a rebuild takes exclusively;
 * each statement after the locks sees every committed change, so no update is lost.
 *
 * `praxis.facts` (a transaction-local setting) lets bulk writers skip the per-statement work:
 * `deferred` applies intervention deltas but leaves the per-enrolment refresh to the caller
 * (`indicator_refresh_patients`, once at the end of an import); `off` does nothing and the caller
 * rebuilds whole programmes (`indicator_rebuild_programme`, the demo and restores).
 *
 * The defaults below are INDICATORS.md's and the base taxonomy's psychosocial flags, written out
 * as SQL on purpose (a migration is frozen); tests/indicators/facts-params.test.ts fails when they
 * differ from src/shared/programme-defaults.ts or the base taxonomy (src/server/practices).
 *
 * Migration 0028 builds its one-pass rebuild from the generators exported here, so they must
 * keep generating exactly this script: tests/db/frozen-migrations.test.ts pins its hash.
 */

/** The counters of indicator_site_days, in column order. */
export const COUNTERS = [
  "enrolled",
  "age_in_band",
  "first_contact",
  "new_to_service",
  "sex_known",
  "female",
  "target_dx",
  "case_manager",
  "observed",
  "intensive",
  "early_assessment",
  "early_psychoeducation",
  "early_skills_training",
  "early_psychotherapy",
  "early_family_intervention",
  "early_job_placement",
  "early_social_support",
  "assessed",
  "family",
  "planned",
  "plan_signed",
  "plan_social",
  "plan_work",
  "plan_integrated",
  "dropped",
  "interventions",
  "psychosocial",
] as const;
type Counter = (typeof COUNTERS)[number];

export const EARLY_TYPES = [
  "assessment",
  "psychoeducation",
  "skills_training",
  "psychotherapy",
  "family_intervention",
  "job_placement",
  "social_support",
] as const;

/** The columns of indicator_enrolment_facts, in order, with their types. */
const FACT_COLUMNS: Array<[string, string]> = [
  ["enrolment_id", "integer primary key"],
  ["programme_id", "integer not null"],
  ["site_id", "integer not null"],
  ["patient_id", "integer not null"],
  ["enrolment_date", "date not null"],
  ["end_date", "date"],
  ["dropped", "boolean not null"],
  ["age_in_band", "boolean not null"],
  ["first_contact", "boolean not null"],
  ["new_to_service", "boolean not null"],
  ["sex_known", "boolean not null"],
  ["female", "boolean not null"],
  ["target_dx", "boolean not null"],
  ["case_manager", "boolean not null"],
  ["early_psy", "integer not null"],
  ...EARLY_TYPES.map((t): [string, string] => [`early_${t}`, "integer not null"]),
  ["assessed", "integer not null"],
  ["care_iv", "integer not null"],
  ["care_psy", "integer not null"],
  ["care_family", "integer not null"],
  /**
   * Months (offsets from the enrolment's month) with psychosocial care interventions, ascending,
   * and the enrolment's running count of them at the end of each of those months.
   */
  ["psy_offsets", "integer[]"],
  ["psy_cum", "integer[]"],
  ["family_first", "date"],
  ["plans", "integer not null"],
  ["plan_first", "date"],
  ["plan_keys", "text[]"],
  ["horizon", "date"],
];
export const FACT_NAMES = FACT_COLUMNS.map(([n]) => n);

/**
 * One wide event row per fact row of `rel` (alias f, joined to its params as pp): `day` and the
 * counters given (others 0), times `sign`.
 */
function eventRow(day: string, values: Partial<Record<Counter, string>>, sign: string): string {
  const cols = COUNTERS.map((c) => (values[c] ? `${sign} * (${values[c]})` : "0"));
  return `f.programme_id, f.site_id, ${day} as day, ${cols.map((v, i) => `${v} as ${COUNTERS[i]}`).join(", ")}`;
}

/** The events of the fact rows in relation `rel`, times `sign` (1 or -1): wide rows, not yet summed. */
export function eventsOf(rel: string, sign: string): string {
  const flag = (c: string) => `f.${c}::int`;
  const early: Partial<Record<Counter, string>> = {
    observed: "1",
    intensive: "(f.early_psy >= pp.threshold)::int",
    assessed: "(f.assessed > 0)::int",
  };
  for (const t of EARLY_TYPES) early[`early_${t}` as Counter] = `(f.early_${t} > 0)::int`;
  return `
    select ${eventRow(
      "f.enrolment_date",
      {
        enrolled: "1",
        age_in_band: flag("age_in_band"),
        first_contact: flag("first_contact"),
        new_to_service: flag("new_to_service"),
        sex_known: flag("sex_known"),
        female: flag("female"),
        target_dx: flag("target_dx"),
        case_manager: flag("case_manager"),
      },
      sign,
    )} from ${rel} f
    union all
    select ${eventRow("f.enrolment_date + pp.early_days", early, sign)}
      from ${rel} f join indicator_programme_params pp on pp.programme_id = f.programme_id
    union all
    select ${eventRow("f.family_first", { family: "1" }, sign)} from ${rel} f where f.family_first is not null
    union all
    select ${eventRow("greatest(f.enrolment_date, f.plan_first)", { planned: "1" }, sign)}
      from ${rel} f where f.plan_first is not null
    union all
    select ${eventRow("f.end_date", { dropped: "1" }, sign)} from ${rel} f where f.dropped
    union all
    select ${eventRow(
      "greatest(f.enrolment_date, t.d)",
      {
        plan_signed: "t.s1 - coalesce(lag(t.s1) over w, 0)",
        plan_social: "t.s2 - coalesce(lag(t.s2) over w, 0)",
        plan_work: "t.s3 - coalesce(lag(t.s3) over w, 0)",
        plan_integrated: "t.s4 - coalesce(lag(t.s4) over w, 0)",
      },
      sign,
    )}
      from ${rel} f cross join lateral (
        select to_date(z.dk, 'YYYYMMDD') as d,
          substr(right(z.k, 5), 1, 1)::int as s1, substr(right(z.k, 5), 2, 1)::int as s2,
          substr(right(z.k, 5), 3, 1)::int as s3, substr(right(z.k, 5), 4, 1)::int as s4
        from (select left(k, 8) as dk, max(k collate "C") as k from unnest(f.plan_keys) k group by 1) z
      ) t
      where f.plan_keys is not null
      window w as (partition by f.enrolment_id order by t.d)`;
}

/**
 * The month-histogram changes of the fact rows in `rel` (alias f), times `sign`: in the enrolment's
 * month, +1 at its count of that month; in each later month with psychosocial interventions, −1 at
 * the count before and +1 at the count after. Summed over months ≤ M: enrolments enrolled by the
 * end of M by their count at the end of M.
 */
export function monthHistogramEvents(rel: string, sign: string): string {
  return `
    select f.programme_id, f.site_id, date_trunc('month', f.enrolment_date)::date as month,
      coalesce(f.psy_cum[array_position(f.psy_offsets, 0)], 0) as psychosocial, ${sign} as enrolments
    from ${rel} f
    union all
    select f.programme_id, f.site_id, (date_trunc('month', f.enrolment_date) + make_interval(months => t.o))::date,
      v.value, ${sign} * v.delta
    from ${rel} f
    cross join lateral unnest(f.psy_offsets, f.psy_cum) with ordinality as t(o, c, k)
    cross join lateral (values (coalesce(f.psy_cum[t.k - 1], 0), -1), (t.c, 1)) as v(value, delta)
    where t.o > 0`;
}

export const upsertMonthHistograms = (from: string) => `
  insert into indicator_site_month_histograms as h (programme_id, site_id, month, psychosocial, enrolments)
  select programme_id, site_id, month, psychosocial, sum(enrolments)
  from (${from}) z
  group by 1, 2, 3, 4 having sum(enrolments) <> 0
  order by 1, 2, 3, 4
  on conflict (programme_id, site_id, month, psychosocial) do update set enrolments = h.enrolments + excluded.enrolments`;

const sumCounters = COUNTERS.map((c) => `sum(${c}) as ${c}`).join(", ");
const addCounters = COUNTERS.map((c) => `${c} = d.${c} + excluded.${c}`).join(", ");

/** Insert summed wide event rows `from` into indicator_site_days, adding to what is there. */
export const upsertDays = (from: string) => `
  insert into indicator_site_days as d (programme_id, site_id, day, ${COUNTERS.join(", ")})
  select programme_id, site_id, day, ${sumCounters}
  from (${from}) ev
  group by programme_id, site_id, day
  order by programme_id, site_id, day
  on conflict (programme_id, site_id, day) do update set ${addCounters}`;

/** Interventions of `rel` (alias x) attributed to the enrolments whose care period holds them, times sign. */
const interventionDeltas = (rel: string, sign: string) => `
  select en.programme_id, en.site_id, x.date as day, ${COUNTERS.map((c) =>
    c === "interventions"
      ? `${sign} as interventions`
      : c === "psychosocial"
        ? `${sign} * (x.type = any(pp.psychosocial))::int as psychosocial`
        : `0 as ${c}`,
  ).join(", ")}
  from ${rel} x
  join enrolments en on en.patient_id = x.patient_id and x.date >= en.enrolment_date
    and (en.end_date is null or x.date <= en.end_date)
  join indicator_programme_params pp on pp.programme_id = en.programme_id`;

/** The same, for the enrolment rows of `rel` (alias en) over the interventions stored now. */
const enrolmentInterventionDeltas = (rel: string, sign: string) => `
  select en.programme_id, en.site_id, x.date as day, ${COUNTERS.map((c) =>
    c === "interventions"
      ? `${sign} as interventions`
      : c === "psychosocial"
        ? `${sign} * (x.type = any(pp.psychosocial))::int as psychosocial`
        : `0 as ${c}`,
  ).join(", ")}
  from ${rel} en
  join interventions x on x.patient_id = en.patient_id and x.date >= en.enrolment_date
    and (en.end_date is null or x.date <= en.end_date)
  join indicator_programme_params pp on pp.programme_id = en.programme_id`;

/**
 * The body of computeFacts' `ivm` (over its `en`): per enrolment and month offset `m`, the counts
 * of its care-period interventions. A caller may give another body with the same columns
 * (migration 0028's rebuild reads them from one pass it shares with the day counters).
 */
export const IVM_FROM_INTERVENTIONS = `    select en.id,
      ((extract(year from x.date)::int - extract(year from en.d0)::int) * 12
        + extract(month from x.date)::int - extract(month from en.d0)::int) as m,
      count(*) filter (where x.date <= en.d0 + (en.early_days - 1) and x.type = any(en.psychosocial)) as early_psy,
      ${EARLY_TYPES.map(
        (t) =>
          `count(*) filter (where x.date <= en.d0 + (en.early_days - 1) and x.type = '${t}') as early_${t}`,
      ).join(",\n      ")},
      count(*) as care_iv,
      count(*) filter (where x.type = any(en.psychosocial)) as care_psy,
      count(*) filter (where x.recipient in ('family', 'patient_and_family')) as care_family,
      min(x.date) filter (where x.recipient in ('family', 'patient_and_family')) as family_first,
      max(x.date) as last_date
    from en
    join interventions x on x.patient_id = en.patient_id and x.date >= en.d0
      and (en.end_date is null or x.date <= en.end_date)
    group by 1, 2
`;

/** The tier-1 rows of the enrolments selected by `where` (over `e`), computed from the registry. */
export const computeFacts = (where: string, ivm: string = IVM_FROM_INTERVENTIONS) => `
  with en as (
    select e.id, e.programme_id, e.site_id, e.patient_id, e.enrolment_date as d0, e.end_date,
      e.end_reason, e.primary_diagnosis, e.case_manager_code,
      pa.sex, pa.birth_year, pa.first_contact_date,
      pp.early_days, pp.threshold, pp.new_days, pp.age_min, pp.age_max, pp.diagnoses, pp.psychosocial
    from enrolments e
    join patients pa on pa.id = e.patient_id
    join indicator_programme_params pp on pp.programme_id = e.programme_id
    where ${where}
  ), ivm as (
${ivm}  ), ivc as (
    select ivm.*, sum(care_psy) over (partition by id order by m) as cum from ivm
  ), iv as (
    select id,
      sum(early_psy) as early_psy,
      ${EARLY_TYPES.map((t) => `sum(early_${t}) as early_${t}`).join(", ")},
      sum(care_iv) as care_iv, sum(care_psy) as care_psy, sum(care_family) as care_family,
      min(family_first) as family_first, max(last_date) as last_date,
      array_agg(m order by m) filter (where care_psy > 0) as psy_offsets,
      array_agg(cum::int order by m) filter (where care_psy > 0) as psy_cum
    from ivc group by id
  ), asm as (
    select en.id, count(*) as assessed, max(a.date) as last_date
    from en
    join assessments a on a.patient_id = en.patient_id and a.date >= en.d0 - 90
      and a.date <= en.d0 + (en.early_days - 1)
    group by en.id
  ), pl as (
    select en.id, count(*) as plans, min(t.created_date) as plan_first, max(t.created_date) as last_date,
      array_agg(t.k order by t.k) as plan_keys
    from en
    cross join lateral (
      select tp.created_date, (to_char(tp.created_date, 'YYYYMMDD') || tp.code || chr(1)
        || (case when tp.signed_by_patient then '1' else '0' end)
        || (case when tp.shared_with_social_services then '1' else '0' end)
        || (case when tp.shared_with_work_inclusion then '1' else '0' end)
        || (case when tp.integrated_actions_started then '1' else '0' end)
        || (case when tp.shared_with_patient_date is not null then '1' else '0' end)) collate "C" as k
      from treatment_plans tp
      where tp.patient_id = en.patient_id and tp.created_date >= en.d0 - 90
        and (en.end_date is null or tp.created_date <= en.end_date)
    ) t
    group by en.id
  )
  select en.id as enrolment_id, en.programme_id, en.site_id, en.patient_id, en.d0 as enrolment_date, en.end_date,
    coalesce(en.end_reason = 'dropped_out', false) as dropped,
    coalesce(extract(year from en.d0)::int - en.birth_year between en.age_min and en.age_max, false) as age_in_band,
    en.first_contact_date is not null as first_contact,
    coalesce(en.first_contact_date >= en.d0 - en.new_days, false) as new_to_service,
    en.sex in ('F', 'M', 'X') as sex_known,
    en.sex = 'F' as female,
    coalesce((select bool_or(starts_with(en.primary_diagnosis, dx)) from unnest(en.diagnoses) dx), false) as target_dx,
    en.case_manager_code is not null as case_manager,
    coalesce(iv.early_psy, 0)::int as early_psy,
    ${EARLY_TYPES.map((t) => `coalesce(iv.early_${t}, 0)::int as early_${t}`).join(", ")},
    coalesce(asm.assessed, 0)::int as assessed,
    coalesce(iv.care_iv, 0)::int as care_iv,
    coalesce(iv.care_psy, 0)::int as care_psy,
    coalesce(iv.care_family, 0)::int as care_family,
    iv.psy_offsets,
    iv.psy_cum,
    iv.family_first,
    coalesce(pl.plans, 0)::int as plans,
    pl.plan_first,
    pl.plan_keys,
    greatest(iv.last_date, asm.last_date, pl.last_date) as horizon
  from en
  left join iv on iv.id = en.id
  left join asm on asm.id = en.id
  left join pl on pl.id = en.id`;

/**
 * The start of a programme's rebuild (`pid`): take its lock, store its parameters, clear its
 * facts, and stop when it has none. Shared with migration 0028's rebuild.
 */
export const REBUILD_OPENING = `  perform pg_advisory_xact_lock(1886413107, pid);
  delete from indicator_programme_params where programme_id = pid;
  insert into indicator_programme_params (programme_id, early_days, threshold, new_days, age_min, age_max,
    diagnoses, psychosocial, built_at)
  select p.id, x.early_days, x.threshold, x.new_days, x.age_min, x.age_max, x.diagnoses, x.psychosocial, now()
  from programmes p
  left join practice_versions pv on pv.practice_id = p.practice_id and pv.version = p.practice_version
  cross join lateral indicator_params_of(p.parameters, pv.definition) x
  where p.id = pid;
  delete from indicator_enrolment_facts where programme_id = pid;
  delete from indicator_site_days where programme_id = pid;
  delete from indicator_site_month_histograms where programme_id = pid;
  if not exists (select 1 from indicator_programme_params where programme_id = pid) then return; end if;
`;

/** The end of a programme's rebuild: bump every site it reaches, drop the all-zero day rows. */
export const REBUILD_CLOSING = `  perform indicator_bump_sites(array(
    select pid::bigint * 2147483648 + site_id from enrolments where programme_id = pid
    union select pid::bigint * 2147483648 + site_id from programme_sites where programme_id = pid
    union select programme_id::bigint * 2147483648 + site_id from indicator_site_versions where programme_id = pid));
  delete from indicator_site_days where programme_id = pid and (${COUNTERS.map((c) => `${c} = 0`).join(" and ")});
`;

const updateFacts = FACT_NAMES.filter((n) => n !== "enrolment_id")
  .map((n) => `${n} = excluded.${n}`)
  .join(", ");

export const SCRIPT = `
create table indicator_programme_params (
  programme_id integer primary key,
  early_days integer not null,
  threshold integer not null,
  new_days integer not null,
  age_min integer not null,
  age_max integer not null,
  diagnoses text[] not null,
  psychosocial text[] not null,
  built_at timestamptz
);

create table indicator_enrolment_facts (
  ${FACT_COLUMNS.map(([n, t]) => `${n} ${t}`).join(",\n  ")}
);
create index indicator_enrolment_facts_site_idx on indicator_enrolment_facts (programme_id, site_id);
create index indicator_enrolment_facts_patient_idx on indicator_enrolment_facts (patient_id);
create index indicator_enrolment_facts_horizon_idx on indicator_enrolment_facts (programme_id, horizon);
create index indicator_enrolment_facts_date_idx on indicator_enrolment_facts (programme_id, enrolment_date);

-- Each run of "praxis indicators verify" (or the admin page's "verify now"): the facts compared
-- with a recomputation from the registry.
create table indicator_verifications (
  id serial primary key,
  programme_id integer not null references programmes(id) on delete cascade,
  started_at timestamptz not null,
  finished_at timestamptz not null,
  as_of date[] not null,
  cells integer not null,
  differences integer not null,
  detail jsonb not null,
  started_by text not null
);
create index indicator_verifications_programme_idx on indicator_verifications (programme_id, started_at desc);

-- Per (programme, site): bumped whenever data of an enrolment at the site changes (the facts'
-- refresh and rebuild do it) or the site or its area changes. Indicators recomputed from the records
-- are cached per site under it, so a write at one site recomputes that site only.
create table indicator_site_versions (
  programme_id integer not null,
  site_id integer not null,
  version bigint not null default 0,
  primary key (programme_id, site_id)
);

create table indicator_site_cache (
  programme_id integer not null references programmes(id) on delete cascade,
  site_id integer not null,
  cache_key text not null,
  version bigint not null,
  result jsonb not null,
  computed_at timestamptz not null default now(),
  primary key (programme_id, site_id, cache_key)
);

create table indicator_site_days (
  programme_id integer not null,
  site_id integer not null,
  day date not null,
  ${COUNTERS.map((c) => `${c} integer not null default 0`).join(",\n  ")},
  primary key (programme_id, site_id, day)
);

create table indicator_site_month_histograms (
  programme_id integer not null,
  site_id integer not null,
  month date not null,
  psychosocial integer not null,
  enrolments integer not null,
  primary key (programme_id, site_id, month, psychosocial)
);

-- A programme's parameters with INDICATORS.md's defaults, and its practice's psychosocial types:
-- the base taxonomy's flags, then the practice's own types (the last entry of a code wins).
create function indicator_params_of(parameters jsonb, definition jsonb)
returns table (early_days integer, threshold integer, new_days integer, age_min integer, age_max integer,
  diagnoses text[], psychosocial text[])
language sql immutable as $$
  with own as (
    select distinct on (t.x->>'code') t.x->>'code' as code, (t.x->>'psychosocial')::boolean as psy
    from jsonb_array_elements(case when jsonb_typeof(definition->'interventionTypes') = 'array'
      then definition->'interventionTypes' else '[]'::jsonb end) with ordinality as t(x, i)
    where jsonb_typeof(t.x->'code') = 'string' and jsonb_typeof(t.x->'psychosocial') = 'boolean'
    order by t.x->>'code', t.i desc
  ), base(code, psy) as (
    values ('assessment', true), ('psychoeducation', true), ('skills_training', true), ('psychotherapy', true),
      ('family_intervention', true), ('job_placement', true), ('social_support', true),
      ('psychiatric_visit', false), ('nursing', false), ('crisis_intervention', false),
      ('case_coordination', false), ('other', false)
  ), flags as (
    select b.code, coalesce(o.psy, b.psy) as psy from base b left join own o on o.code = b.code
    union all
    select o.code, o.psy from own o where not exists (select 1 from base b where b.code = o.code)
  )
  select
    coalesce((parameters->>'earlyWindowDays')::int, 90),
    coalesce((parameters->>'intensiveThreshold')::int, 5),
    coalesce((parameters->>'newToServiceDays')::int, 365),
    coalesce((parameters->'ageBand'->>'min')::int, 18),
    coalesce((parameters->'ageBand'->>'max')::int, 30),
    case when jsonb_typeof(parameters->'targetDiagnoses') = 'array'
      then array(select jsonb_array_elements_text(parameters->'targetDiagnoses'))
      else array['F60.3'] end,
    array(select code from flags where psy order by code collate "C")
$$;

-- Serialise writers of the same patients (4096 buckets, in order) and share each programme's lock
-- with the other writers (a rebuild takes it exclusively).
create function indicator_facts_lock(patients integer[]) returns void language plpgsql as $$
declare b integer;
begin
  for b in select distinct programme_id from enrolments where patient_id = any(patients) order by 1 loop
    perform pg_advisory_xact_lock_shared(1886413107, b);
  end loop;
  for b in select distinct p % 4096 from unnest(patients) p order by 1 loop
    perform pg_advisory_xact_lock(1886413106, b);
  end loop;
end $$;

-- Recompute the tier-1 rows of some enrolments (removing those that no longer exist) and move
-- their events and histogram entries from the old rows to the new ones. One statement.
create function indicator_refresh_enrolments(ids integer[]) returns void language plpgsql
set plan_cache_mode = force_custom_plan as $$
declare
  pairs bigint[];
begin
  if ids is null or cardinality(ids) = 0 then return; end if;
  -- The (programme, site) of each enrolment before (its facts row) and after (the registry).
  pairs := array(
    select programme_id::bigint * 2147483648 + site_id from indicator_enrolment_facts where enrolment_id = any(ids)
    union select programme_id::bigint * 2147483648 + site_id from enrolments where id = any(ids));
  with fresh as (${computeFacts("e.id = any(ids)")}),
  old as (
    select f.* from indicator_enrolment_facts f where f.enrolment_id = any(ids)
  ),
  gone as (
    delete from indicator_enrolment_facts f
    where f.enrolment_id = any(ids) and not exists (select 1 from fresh n where n.enrolment_id = f.enrolment_id)
  ),
  saved as (
    insert into indicator_enrolment_facts (${FACT_NAMES.join(", ")})
    select ${FACT_NAMES.join(", ")} from fresh order by enrolment_id
    on conflict (enrolment_id) do update set ${updateFacts}
  ),
  hist as (${upsertMonthHistograms(`${monthHistogramEvents("fresh", "1")} union all ${monthHistogramEvents("old", "-1")}`)}
  )
  ${upsertDays(`${eventsOf("fresh", "1")} union all ${eventsOf("old", "-1")}`)};
  perform indicator_bump_sites(pairs);
end $$;

-- Bump the versions of (programme, site) pairs, each given as programme * 2^31 + site, in order.
create function indicator_bump_sites(pairs bigint[]) returns void language sql as $$
  insert into indicator_site_versions as v (programme_id, site_id, version)
  select (p / 2147483648)::int, (p % 2147483648)::int, 1 from (select distinct unnest(pairs) as p) z order by p
  on conflict (programme_id, site_id) do update set version = v.version + 1
$$;

create function indicator_refresh_patients(patients integer[]) returns void language plpgsql as $$
begin
  if patients is null or cardinality(patients) = 0 then return; end if;
  perform indicator_facts_lock(patients);
  perform indicator_refresh_enrolments(array(select id from enrolments where patient_id = any(patients)));
end $$;

-- Everything of one programme from the registry: its parameters, tier 1, tier 2 and histograms.
create function indicator_rebuild_programme(pid integer) returns void language plpgsql as $$
begin
${REBUILD_OPENING}  insert into indicator_enrolment_facts (${FACT_NAMES.join(", ")})
  select ${FACT_NAMES.join(", ")} from (${computeFacts("e.programme_id = pid")}) z;
  ${upsertMonthHistograms(monthHistogramEvents("(select * from indicator_enrolment_facts where programme_id = pid)", "1"))};
  ${upsertDays(`${eventsOf("(select * from indicator_enrolment_facts where programme_id = pid)", "1")}
    union all ${enrolmentInterventionDeltas("(select * from enrolments where programme_id = pid)", "1")}`)};
${REBUILD_CLOSING}end $$;

-- The programmes whose stored parameters differ from what their row and practice say now.
create function indicator_params_changed(ids integer[]) returns integer[] language sql stable as $$
  select coalesce(array_agg(p.id order by p.id), '{}')
  from programmes p
  left join practice_versions pv on pv.practice_id = p.practice_id and pv.version = p.practice_version
  cross join lateral indicator_params_of(p.parameters, pv.definition) x
  left join indicator_programme_params pp on pp.programme_id = p.id
  where p.id = any(ids) and (pp.programme_id is null
    or (pp.early_days, pp.threshold, pp.new_days, pp.age_min, pp.age_max, pp.diagnoses, pp.psychosocial)
      is distinct from (x.early_days, x.threshold, x.new_days, x.age_min, x.age_max, x.diagnoses, x.psychosocial))
$$;

create function indicator_facts_mode() returns text language sql stable as $$
  select coalesce(nullif(current_setting('praxis.facts', true), ''), 'on')
$$;

create function indicator_facts_interventions() returns trigger language plpgsql as $$
declare
  mode text := indicator_facts_mode();
  pats integer[];
begin
  if mode = 'off' then return null; end if;
  if tg_op = 'INSERT' then
    pats := array(select distinct patient_id from new_rows);
    perform indicator_facts_lock(pats);
    ${upsertDays(interventionDeltas("new_rows", "1"))};
  elsif tg_op = 'DELETE' then
    pats := array(select distinct patient_id from old_rows);
    perform indicator_facts_lock(pats);
    ${upsertDays(interventionDeltas("old_rows", "-1"))};
  else
    pats := array(select patient_id from new_rows union select patient_id from old_rows);
    perform indicator_facts_lock(pats);
    ${upsertDays(`${interventionDeltas("new_rows", "1")} union all ${interventionDeltas("old_rows", "-1")}`)};
  end if;
  if mode <> 'deferred' then
    perform indicator_refresh_enrolments(array(select id from enrolments where patient_id = any(pats)));
  end if;
  return null;
end $$;

-- Assessments and treatment plans: only the per-enrolment facts depend on them.
create function indicator_facts_patient_records() returns trigger language plpgsql as $$
declare
  pats integer[];
begin
  if indicator_facts_mode() <> 'on' then return null; end if;
  if tg_op = 'INSERT' then
    pats := array(select distinct patient_id from new_rows);
  elsif tg_op = 'DELETE' then
    pats := array(select distinct patient_id from old_rows);
  else
    pats := array(select patient_id from new_rows union select patient_id from old_rows);
  end if;
  perform indicator_refresh_patients(pats);
  return null;
end $$;

create function indicator_facts_patients() returns trigger language plpgsql as $$
begin
  if indicator_facts_mode() <> 'on' then return null; end if;
  perform indicator_refresh_patients(array(select id from new_rows));
  return null;
end $$;

-- Enrolments: the interventions each old and new enrolment row attributes move with it.
create function indicator_facts_enrolments() returns trigger language plpgsql as $$
declare
  mode text := indicator_facts_mode();
  pats integer[];
  ids integer[];
begin
  if mode = 'off' then return null; end if;
  if tg_op = 'INSERT' then
    pats := array(select distinct patient_id from new_rows);
    ids := array(select id from new_rows);
    perform indicator_facts_lock(pats);
    ${upsertDays(enrolmentInterventionDeltas("new_rows", "1"))};
  elsif tg_op = 'DELETE' then
    pats := array(select distinct patient_id from old_rows);
    ids := array(select id from old_rows);
    perform indicator_facts_lock(pats);
    ${upsertDays(enrolmentInterventionDeltas("old_rows", "-1"))};
  else
    pats := array(select patient_id from new_rows union select patient_id from old_rows);
    ids := array(select id from new_rows union select id from old_rows);
    perform indicator_facts_lock(pats);
    ${upsertDays(
      `${enrolmentInterventionDeltas("new_rows", "1")} union all ${enrolmentInterventionDeltas("old_rows", "-1")}`,
    )};
  end if;
  if mode <> 'deferred' then
    perform indicator_refresh_enrolments(ids);
  end if;
  return null;
end $$;

-- Programmes: a new programme gets its parameters; a change of parameters or practice version
-- that moves what the facts depend on rebuilds the programme's facts; a deleted one loses them.
create function indicator_facts_programmes() returns trigger language plpgsql as $$
declare
  pid integer;
begin
  if tg_op = 'DELETE' then
    delete from indicator_programme_params where programme_id in (select id from old_rows);
    delete from indicator_enrolment_facts where programme_id in (select id from old_rows);
    delete from indicator_site_days where programme_id in (select id from old_rows);
    delete from indicator_site_month_histograms where programme_id in (select id from old_rows);
    delete from indicator_site_versions where programme_id in (select id from old_rows);
    return null;
  end if;
  if indicator_facts_mode() = 'off' then return null; end if;
  for pid in select unnest(indicator_params_changed(array(select id from new_rows))) loop
    perform indicator_rebuild_programme(pid);
  end loop;
  return null;
end $$;

-- A site moved to another area, renamed or recoded; an area recoded: what is cached for it is stale.
create function indicator_facts_sites() returns trigger language plpgsql as $$
begin
  update indicator_site_versions set version = version + 1
  where site_id in (select id from new_rows union select id from old_rows);
  return null;
end $$;

create function indicator_facts_areas() returns trigger language plpgsql as $$
begin
  update indicator_site_versions set version = version + 1
  where site_id in (select id from sites where area_id in (select id from new_rows union select id from old_rows));
  return null;
end $$;

create trigger sites_facts_upd after update on sites referencing old table as old_rows new table as new_rows
  for each statement execute function indicator_facts_sites();
create trigger areas_facts_upd after update on areas referencing old table as old_rows new table as new_rows
  for each statement execute function indicator_facts_areas();

create trigger interventions_facts_ins after insert on interventions referencing new table as new_rows
  for each statement execute function indicator_facts_interventions();
create trigger interventions_facts_upd after update on interventions referencing old table as old_rows new table as new_rows
  for each statement execute function indicator_facts_interventions();
create trigger interventions_facts_del after delete on interventions referencing old table as old_rows
  for each statement execute function indicator_facts_interventions();
create trigger assessments_facts_ins after insert on assessments referencing new table as new_rows
  for each statement execute function indicator_facts_patient_records();
create trigger assessments_facts_upd after update on assessments referencing old table as old_rows new table as new_rows
  for each statement execute function indicator_facts_patient_records();
create trigger assessments_facts_del after delete on assessments referencing old table as old_rows
  for each statement execute function indicator_facts_patient_records();
create trigger treatment_plans_facts_ins after insert on treatment_plans referencing new table as new_rows
  for each statement execute function indicator_facts_patient_records();
create trigger treatment_plans_facts_upd after update on treatment_plans referencing old table as old_rows new table as new_rows
  for each statement execute function indicator_facts_patient_records();
create trigger treatment_plans_facts_del after delete on treatment_plans referencing old table as old_rows
  for each statement execute function indicator_facts_patient_records();
create trigger patients_facts_upd after update on patients referencing old table as old_rows new table as new_rows
  for each statement execute function indicator_facts_patients();
create trigger enrolments_facts_ins after insert on enrolments referencing new table as new_rows
  for each statement execute function indicator_facts_enrolments();
create trigger enrolments_facts_upd after update on enrolments referencing old table as old_rows new table as new_rows
  for each statement execute function indicator_facts_enrolments();
create trigger enrolments_facts_del after delete on enrolments referencing old table as old_rows
  for each statement execute function indicator_facts_enrolments();
create trigger programmes_facts_ins after insert on programmes referencing new table as new_rows
  for each statement execute function indicator_facts_programmes();
create trigger programmes_facts_upd after update on programmes referencing old table as old_rows new table as new_rows
  for each statement execute function indicator_facts_programmes();
create trigger programmes_facts_del after delete on programmes referencing old table as old_rows
  for each statement execute function indicator_facts_programmes();
`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(db, SCRIPT);
  // Existing programmes: their facts from the registry as it is.
  await runScript(db, "select indicator_rebuild_programme(id) from programmes order by id;");
}

export async function down(): Promise<void> {
  throw new Error("the indicator facts migration cannot be reverted");
}
