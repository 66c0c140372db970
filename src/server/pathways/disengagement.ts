import { type RawBuilder, sql } from "kysely";
import type { z } from "zod";
import type { CheckInOutcome } from "../../shared/pathways.ts";
import { assertSiteReadable } from "../core/access/patients.ts";
import { type Actor, audit } from "../infra/audit/audit.ts";
import type { Principal } from "../infra/auth/principal.ts";
import type { Db } from "../infra/db/database.ts";
import type { Executor } from "../infra/db/executor.ts";
import { notFound } from "../infra/http/errors.ts";
import { today } from "../infra/time/civil-date.ts";
import { openEnrolmentsSeen } from "../registry/public.ts";
import type { Disengagement, DisengagementItem } from "./schemas.ts";

type Item = z.infer<typeof DisengagementItem>;

/** Each list returns at most this many rows, longest without contact first; its total counts them all. */
export const DISENGAGEMENT_LIMIT = 500;

interface Row {
  total: number;
  patient_id: number;
  patient_code: string;
  enrolment_codes: string[];
  last_contact: string | null;
  last_missed: string | null;
  days_without_contact: number;
  check_in_date: string | null;
  check_in_outcome: string | null;
}

const toItem = (r: Row): Item => ({
  patientId: r.patient_id,
  patientCode: r.patient_code,
  enrolmentCodes: r.enrolment_codes,
  lastContactDate: r.last_contact,
  lastMissedDate: r.last_missed,
  daysWithoutContact: r.days_without_contact,
  lastCheckIn:
    r.check_in_date === null
      ? null
      : { date: r.check_in_date, outcome: r.check_in_outcome as CheckInOutcome },
});

/**
 * The statement of one list over the site's patients with an open enrolment (that the user sees),
 * each with — at the site, up to today — the latest delivered intervention, the latest missed
 * appointment and the latest check-in (set-based lateral joins on indexed columns, no query per
 * patient). `where` and `order` pick the list.
 */
function listStatement(
  db: Db,
  p: Principal,
  siteId: number,
  asOf: string,
  where: RawBuilder<unknown>,
  order: RawBuilder<unknown>,
) {
  const open = openEnrolmentsSeen(db, p, siteId, asOf)
    .select([
      "e.patient_id",
      "p.code as patient_code",
      sql<string[]>`array_agg(e.code order by e.enrolment_date, e.code)`.as("enrolment_codes"),
      sql<string>`min(e.enrolment_date)`.as("since"),
    ])
    .groupBy(["e.patient_id", "p.code"]);
  const day = sql`${asOf}::date`;
  return sql<Row>`
    with open_patients as materialized (${open}),
    facts as (
      select o.patient_id, o.patient_code, o.enrolment_codes, o.since,
        (select max(i.date) from interventions i
          where i.patient_id = o.patient_id and i.site_id = ${siteId} and i.date <= ${day}) as last_contact,
        (select max(m.date) from missed_appointments m
          where m.patient_id = o.patient_id and m.site_id = ${siteId} and m.date <= ${day}) as last_missed,
        c.date as check_in_date, c.outcome as check_in_outcome
      from open_patients o
      left join lateral (
        select c.date, c.outcome from check_ins c
        where c.patient_id = o.patient_id and c.site_id = ${siteId}
        order by c.date desc, c.id desc limit 1
      ) c on true
    ),
    listed as (
      select f.*,
        ${day} - coalesce(f.last_contact, f.since) as days_without_contact,
        coalesce(greatest(f.last_contact, f.last_missed), f.since) as latest_event
      from facts f
    ),
    chosen as (
      select l.*, count(*) over () as total
      from listed l
      where (l.check_in_date is null or l.check_in_date < l.latest_event) and (${where})
    )
    select total, patient_id, patient_code, enrolment_codes, last_contact, last_missed,
      days_without_contact, check_in_date, check_in_outcome
    from chosen
    order by ${order}, patient_code collate "C"
    limit ${DISENGAGEMENT_LIMIT}`;
}

/**
 * A site's disengagement worklists: "no contact for N days" — the latest delivered intervention at
 * the site (or, never seen, the enrolment) more than N days ago — and "missed last contact" — the
 * latest event at the site is a missed appointment (later than every intervention). A check-in on
 * or after the patient's latest event takes them off both until the next event. One set-based
 * statement per list; the read is audited with the patients listed.
 */
export async function siteDisengagement(
  db: Db,
  p: Principal,
  actor: Actor,
  siteId: number,
  days: number,
): Promise<Disengagement> {
  const site = await db.selectFrom("sites").select("id").where("id", "=", siteId).executeTakeFirst();
  if (!site) throw notFound("site");
  assertSiteReadable(p, siteId);
  const asOf = today();
  const run = async (trx: Executor, where: RawBuilder<unknown>, order: RawBuilder<unknown>) => {
    const { rows } = await listStatement(db, p, siteId, asOf, where, order).execute(trx);
    return { total: rows.length ? Number(rows[0]!.total) : 0, items: rows.map(toItem) };
  };
  return db.transaction().execute(async (trx) => {
    await sql`set local jit = off`.execute(trx);
    const noContact = await run(trx, sql`l.days_without_contact > ${days}`, sql`days_without_contact desc`);
    const missedLastContact = await run(
      trx,
      sql`l.last_missed is not null and (l.last_contact is null or l.last_missed > l.last_contact)`,
      sql`last_missed`,
    );
    const patientIds = [
      ...new Set([...noContact.items, ...missedLastContact.items].map((i) => i.patientId)),
    ].sort((a, b) => a - b);
    await audit(trx, actor, {
      action: "read",
      entity: "disengagement_worklist",
      entityId: siteId,
      siteId,
      detail: {
        days,
        totals: { noContact: noContact.total, missedLastContact: missedLastContact.total },
        patientIds,
      },
    });
    return { siteId, asOf, days, limit: DISENGAGEMENT_LIMIT, noContact, missedLastContact };
  });
}
