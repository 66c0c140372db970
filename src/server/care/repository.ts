import type { ActionStatus, ConsentScope } from "../../shared/care.ts";
import type { Executor } from "../infra/db/executor.ts";
import type { CarePlan, Consent, CrisisPlan, Who } from "./schemas.ts";

/** Stored shapes of the jsonb columns (what the write use cases put there). */
export interface StoredCareAction {
  text: string;
  goal: number;
  who: Who;
  dueDate: string | null;
  status: ActionStatus;
}
export interface StoredCrisisAction {
  text: string;
  who: Who;
}

/** Row → API for the consents of some patients, newest first, with their service's name. */
export async function loadConsents(db: Executor, patientIds: number[]): Promise<Consent[]> {
  if (patientIds.length === 0) return [];
  const rows = await db
    .selectFrom("care_consents as c")
    .innerJoin("sites as s", "s.id", "c.site_id")
    .leftJoin("directory_services as d", "d.id", "c.service_id")
    .select([
      "c.id",
      "c.patient_id",
      "c.site_id",
      "s.code as site_code",
      "c.service_id",
      "d.code as service_code",
      "d.name as service_name",
      "c.scope",
      "c.given_date",
      "c.withdrawn_date",
      "c.withdrawal_reason",
    ])
    .where("c.patient_id", "in", patientIds)
    .orderBy("c.given_date", "desc")
    .orderBy("c.id", "desc")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    patientId: r.patient_id,
    siteId: r.site_id,
    siteCode: r.site_code,
    service: { id: r.service_id, code: r.service_code ?? "?", name: r.service_name ?? "?" },
    scope: r.scope as ConsentScope,
    givenDate: r.given_date,
    withdrawnDate: r.withdrawn_date,
    withdrawalReason: r.withdrawal_reason,
    current: r.withdrawn_date === null,
  }));
}

type WhoOut = CarePlan["actions"][number]["who"];

/** The names behind the `who` of many actions: one query for professionals, one for services. */
async function whoResolver(db: Executor, whos: Who[]): Promise<(w: Who) => WhoOut> {
  const pIds = [...new Set(whos.flatMap((w) => (w.kind === "professional" ? [w.professionalId] : [])))];
  const sIds = [...new Set(whos.flatMap((w) => (w.kind === "service" ? [w.serviceId] : [])))];
  const pros = pIds.length
    ? await db.selectFrom("professionals").select(["id", "code", "profile"]).where("id", "in", pIds).execute()
    : [];
  const svcs = sIds.length
    ? await db.selectFrom("directory_services").select(["id", "name"]).where("id", "in", sIds).execute()
    : [];
  const pro = new Map(pros.map((x) => [x.id, x]));
  const svc = new Map(svcs.map((x) => [x.id, x.name]));
  return (w) => ({
    kind: w.kind,
    professionalId: w.kind === "professional" ? w.professionalId : null,
    professionalCode: w.kind === "professional" ? (pro.get(w.professionalId)?.code ?? null) : null,
    professionalProfile: w.kind === "professional" ? (pro.get(w.professionalId)?.profile ?? null) : null,
    serviceId: w.kind === "service" ? w.serviceId : null,
    serviceName: w.kind === "service" ? (svc.get(w.serviceId) ?? null) : null,
  });
}

/**
 * The treatment plans of a patient with their content (goals, actions, review date; version 0
 * when none was saved), newest first; `sites` limits them to the sites the reader sees.
 */
export async function loadCarePlans(
  db: Executor,
  patientId: number,
  sites: "all" | number[],
): Promise<CarePlan[]> {
  if (sites !== "all" && sites.length === 0) return [];
  let q = db
    .selectFrom("treatment_plans as t")
    .leftJoin("care_plan_contents as c", "c.plan_id", "t.id")
    .select([
      "t.id",
      "t.code",
      "t.site_id",
      "t.created_date",
      "c.goals",
      "c.actions",
      "c.review_date",
      "c.version",
    ])
    .where("t.patient_id", "=", patientId)
    .orderBy("t.created_date", "desc")
    .orderBy("t.id", "desc");
  if (sites !== "all") q = q.where("t.site_id", "in", sites);
  const rows = await q.execute();
  const actionsOf = (r: (typeof rows)[number]) => (r.actions ?? []) as StoredCareAction[];
  const who = await whoResolver(
    db,
    rows.flatMap((r) => actionsOf(r).map((a) => a.who)),
  );
  return rows.map((r) => ({
    planId: r.id,
    planCode: r.code,
    siteId: r.site_id,
    createdDate: r.created_date,
    goals: (r.goals ?? []) as Array<{ text: string }>,
    actions: actionsOf(r).map((a) => ({
      text: a.text,
      goal: a.goal,
      who: who(a.who),
      dueDate: a.dueDate,
      status: a.status,
    })),
    reviewDate: r.review_date ?? null,
    version: r.version ?? 0,
  }));
}

/** The patient's crisis plan, with its actions' who and its crisis contacts from the directory. */
export async function loadCrisisPlan(db: Executor, patientId: number): Promise<CrisisPlan | null> {
  const row = await db
    .selectFrom("crisis_plans")
    .selectAll()
    .where("patient_id", "=", patientId)
    .executeTakeFirst();
  if (!row) return null;
  const actions = row.actions as StoredCrisisAction[];
  const who = await whoResolver(
    db,
    actions.map((a) => a.who),
  );
  const ids = row.contact_service_ids;
  const contacts = ids.length
    ? await db
        .selectFrom("directory_services")
        .select(["id", "code", "name", "phone", "phone_private", "opening_hours", "active"])
        .where("id", "in", ids)
        .execute()
    : [];
  const byId = new Map(contacts.map((c) => [c.id, c]));
  return {
    id: row.id,
    siteId: row.site_id,
    planDate: row.plan_date,
    warningSigns: row.warning_signs,
    whatHelps: row.what_helps,
    actions: actions.map((a) => ({ text: a.text, who: who(a.who) })),
    contacts: ids.flatMap((id) => {
      const c = byId.get(id);
      return c
        ? [
            {
              id: c.id,
              code: c.code,
              name: c.name,
              // a crisis contact is read by professionals: a private phone is still theirs to call
              phone: c.phone,
              openingHours: c.opening_hours,
              active: c.active,
            },
          ]
        : [];
    }),
    reviewDate: row.review_date,
    version: row.version,
  };
}
