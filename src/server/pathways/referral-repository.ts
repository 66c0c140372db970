import { sql } from "kysely";
import type { z } from "zod";
import type { ReferralDecision, ReferralDeclineReason } from "../../shared/pathways.ts";
import type { Executor } from "../infra/db/executor.ts";
import { type RecordSelection, selectedRecords } from "./record-selection.ts";
import { waitingDays } from "./referral-rules.ts";
import type { Referral } from "./schemas.ts";

type Out = z.infer<typeof Referral>;

/** The referrals with the given ids, or of one patient at the given sites, newest first. */
export async function loadReferrals(db: Executor, where: RecordSelection, asOf: string): Promise<Out[]> {
  const q = db
    .selectFrom("referrals as r")
    .innerJoin("sites as s", "s.id", "r.site_id")
    .innerJoin("directory_services as t", "t.id", "r.to_service_id")
    .leftJoin("directory_services as f", "f.id", "r.from_service_id")
    .select([
      "r.id",
      "r.patient_id",
      "r.site_id",
      "s.code as site_code",
      "r.from_service_id",
      "f.code as from_code",
      "f.name as from_name",
      "r.to_service_id",
      "t.code as to_code",
      "t.name as to_name",
      "r.reason",
      "r.referral_date",
      "r.decision",
      "r.decision_date",
      "r.decline_reason",
      "r.first_contact_date",
    ])
    .where(selectedRecords("r", where))
    .orderBy("r.referral_date", "desc")
    .orderBy("r.id", "desc");
  const rows = await q.execute();
  return rows.map((r) => ({
    id: r.id,
    patientId: r.patient_id,
    siteId: r.site_id,
    siteCode: r.site_code,
    fromService:
      r.from_service_id === null ? null : { id: r.from_service_id, code: r.from_code!, name: r.from_name! },
    toService: { id: r.to_service_id, code: r.to_code, name: r.to_name },
    reason: r.reason,
    referralDate: r.referral_date,
    decision: r.decision as ReferralDecision,
    decisionDate: r.decision_date,
    declineReason: r.decline_reason as ReferralDeclineReason | null,
    firstContactDate: r.first_contact_date,
    waitingDays: waitingDays(
      {
        referralDate: r.referral_date,
        decisionDate: r.decision_date,
        firstContactDate: r.first_contact_date,
      },
      asOf,
    ),
  }));
}

/** The services of a referral: found, in the site's region, and (for a new referral) active. */
export async function serviceIssues(
  db: Executor,
  siteId: number,
  refs: Array<{ id: number; field: string; mustBeActive: boolean }>,
) {
  if (refs.length === 0) return [];
  const rows = await db
    .selectFrom("directory_services as d")
    .select([
      "d.id",
      "d.active",
      sql<boolean>`d.region_id = (select s.region_id from sites s where s.id = ${siteId})`.as("same_region"),
    ])
    .where(
      "d.id",
      "in",
      refs.map((r) => r.id),
    )
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return refs.flatMap((r) => {
    const row = byId.get(r.id);
    if (!row) return [{ field: r.field, rule: "reference", message: "no such service in the directory" }];
    if (!row.same_region)
      return [
        { field: r.field, rule: "same_region", message: "a service of another region than the site's" },
      ];
    if (r.mustBeActive && !row.active)
      return [{ field: r.field, rule: "inactive_service", message: "the service is no longer active" }];
    return [];
  });
}
