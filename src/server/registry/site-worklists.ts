import { sql } from "kysely";
import type { z } from "zod";
import { LOOKBACK_DAYS, PARAMETER_DEFAULTS } from "../../shared/programme-defaults.ts";
import { assertSiteReadable } from "../core/access/patients.ts";
import { type Actor, audit } from "../infra/audit/audit.ts";
import type { Principal } from "../infra/auth/principal.ts";
import type { Db } from "../infra/db/database.ts";
import { notFound } from "../infra/http/errors.ts";
import { today } from "../infra/time/civil-date.ts";
import { BASE_PSYCHOSOCIAL, openEnrolmentsSeen, withoutJit } from "./repository.ts";
import type { WorklistItem, Worklists } from "./schemas.ts";

type Item = z.infer<typeof WorklistItem>;

/** Each list returns at most this many rows, most urgent first; its total counts them all. */
export const WORKLIST_LIMIT = 500;

const LISTS = ["withoutCaseManager", "withoutPlan", "earlyWindowShortfall", "planNotSigned"] as const;
type ListName = (typeof LISTS)[number];

interface Row {
  list: ListName;
  total: number;
  id: number;
  code: string;
  patient_id: number;
  patient_code: string;
  programme_id: number;
  programme_code: string;
  enrolment_date: string;
  case_manager_code: string | null;
  window_end: string | null;
  psychosocial: number | null;
  threshold: number | null;
  plan_id: number | null;
  plan_code: string | null;
  plan_created_date: string | null;
}

const toItem = (r: Row): Item => ({
  enrolmentId: r.id,
  enrolmentCode: r.code,
  patientId: r.patient_id,
  patientCode: r.patient_code,
  programmeId: r.programme_id,
  programmeCode: r.programme_code,
  enrolmentDate: r.enrolment_date,
  caseManagerCode: r.case_manager_code,
  ...(r.list === "earlyWindowShortfall"
    ? { windowEnd: r.window_end!, psychosocial: Number(r.psychosocial), threshold: Number(r.threshold) }
    : {}),
  ...(r.list === "planNotSigned"
    ? { planId: r.plan_id!, planCode: r.plan_code!, planCreatedDate: r.plan_created_date! }
    : {}),
});

/**
 * A site's worklists for its open enrolments (enrolled on or before today, not ended before today):
 * without a case manager; without a plan of the enrolment; whose early window closes within 14
 * days (or has closed) with fewer psychosocial interventions than the programme's threshold; whose
 * latest plan is not signed. One set-based statement for the four lists (never a query per
 * patient), with INDICATORS.md's definitions and each programme's own parameters and practice types.
 */
export async function siteWorklists(
  db: Db,
  p: Principal,
  actor: Actor,
  siteId: number,
  programmeId: number | undefined,
): Promise<Worklists> {
  const site = await db.selectFrom("sites").select("id").where("id", "=", siteId).executeTakeFirst();
  if (!site) throw notFound("site");
  assertSiteReadable(p, siteId);
  const asOf = today();
  const day = sql`${asOf}::date`;
  let openQuery = openEnrolmentsSeen(db, p, siteId, asOf)
    .innerJoin("programmes as pr", "pr.id", "e.programme_id")
    .select([
      "e.id",
      "e.code",
      "e.patient_id",
      "p.code as patient_code",
      "e.programme_id",
      "pr.code as programme_code",
      "e.enrolment_date",
      "e.end_date",
      "e.case_manager_code",
      "pr.parameters",
      "pr.practice_id",
      "pr.practice_version",
    ]);
  if (programmeId !== undefined) openQuery = openQuery.where("e.programme_id", "=", programmeId);
  const base = sql.join(BASE_PSYCHOSOCIAL.map((t) => sql`${t}`));
  const columns = sql`o.id, o.code, o.patient_id, o.patient_code, o.programme_id, o.programme_code,
    o.enrolment_date, o.case_manager_code`;
  // One statement for the four lists: the open enrolments (and the visibility check) are worked
  // out once, each enrolment's latest plan and early-window count once, by set-based joins.
  const statement = sql<Row>`
    with open_enrolments as materialized (${openQuery}),
    programme_rules as materialized (
      select pr.id as programme_id,
        coalesce((pr.parameters->>'earlyWindowDays')::int, ${sql.lit(PARAMETER_DEFAULTS.earlyWindowDays)}) as window_days,
        coalesce((pr.parameters->>'intensiveThreshold')::int, ${sql.lit(PARAMETER_DEFAULTS.intensiveThreshold)}) as threshold,
        array(
          select t->>'code'
          from practice_versions v,
               jsonb_array_elements(coalesce(v.definition->'interventionTypes', '[]'::jsonb)) t
          where v.practice_id = pr.practice_id and v.version = pr.practice_version
            and (t->>'psychosocial')::boolean
        ) || array[${base}]::text[] as psychosocial_types
      from programmes pr
      where pr.id in (select programme_id from open_enrolments)
    ),
    -- the latest of the plans of each enrolment (INDICATORS.md: created from enrolment − 90 days
    -- to the end of care; the greatest date, then the greatest code byte by byte)
    latest_plans as (
      select o.id as enrolment_id, lp.id, lp.code, lp.created_date, lp.signed_by_patient
      from open_enrolments o
      cross join lateral (
        select t.id, t.code, t.created_date, t.signed_by_patient from treatment_plans t
        where t.patient_id = o.patient_id
          and t.created_date >= o.enrolment_date - ${sql.lit(LOOKBACK_DAYS)}
          and t.created_date <= least(coalesce(o.end_date, ${day}), ${day})
        order by t.created_date desc, t.code collate "C" desc
        limit 1
      ) lp
    ),
    -- early windows closing within 14 days (or closed), with their psychosocial count so far
    windows as (
      select o.id as enrolment_id, o.enrolment_date + (r.window_days - 1) as window_end, r.threshold, c.n
      from open_enrolments o
      join programme_rules r on r.programme_id = o.programme_id
      cross join lateral (
        select count(*)::int as n from interventions i
        where i.patient_id = o.patient_id
          and i.date >= o.enrolment_date
          and i.date <= least(o.enrolment_date + (r.window_days - 1), coalesce(o.end_date, ${day}), ${day})
          and i.type = any(r.psychosocial_types)
      ) c
      where o.enrolment_date + (r.window_days - 1) <= ${day} + 14
    ),
    lists as (
      select 'withoutCaseManager' as list, o.enrolment_date as sort_date, ${columns},
        null::date as window_end, null::int as psychosocial, null::int as threshold,
        null::int as plan_id, null::text as plan_code, null::date as plan_created_date
      from open_enrolments o where o.case_manager_code is null
      union all
      select 'withoutPlan', o.enrolment_date, ${columns}, null, null, null, null, null, null
      from open_enrolments o
      where not exists (select 1 from latest_plans lp where lp.enrolment_id = o.id)
      union all
      select 'earlyWindowShortfall', w.window_end, ${columns}, w.window_end, w.n, w.threshold, null, null, null
      from open_enrolments o join windows w on w.enrolment_id = o.id
      where w.n < w.threshold
      union all
      select 'planNotSigned', lp.created_date, ${columns}, null, null, null, lp.id, lp.code, lp.created_date
      from open_enrolments o join latest_plans lp on lp.enrolment_id = o.id
      where not lp.signed_by_patient
    ),
    ranked as (
      select l.*,
        count(*) over (partition by l.list) as total,
        row_number() over (partition by l.list order by l.sort_date, l.id) as rank
      from lists l
    )
    select * from ranked where rank <= ${WORKLIST_LIMIT} order by list, rank`;
  const { rows } = await withoutJit(db, (trx) => statement.execute(trx));
  const listOf = (name: ListName) => {
    const mine = rows.filter((r) => r.list === name);
    return { total: mine.length ? Number(mine[0]!.total) : 0, items: mine.map(toItem) };
  };
  const withoutCaseManager = listOf("withoutCaseManager");
  const withoutPlan = listOf("withoutPlan");
  const earlyWindowShortfall = listOf("earlyWindowShortfall");
  const planNotSigned = listOf("planNotSigned");

  const lists = { withoutCaseManager, withoutPlan, earlyWindowShortfall, planNotSigned };
  const patientIds = [...new Set(Object.values(lists).flatMap((l) => l.items.map((i) => i.patientId)))];
  await audit(db, actor, {
    action: "read",
    entity: "worklist",
    entityId: siteId,
    siteId,
    programmeId: programmeId ?? null,
    detail: {
      totals: Object.fromEntries(Object.entries(lists).map(([k, l]) => [k, l.total])),
      patientIds: patientIds.sort((a, b) => a - b),
    },
  });
  return { siteId, programmeId: programmeId ?? null, asOf, limit: WORKLIST_LIMIT, ...lists };
}
