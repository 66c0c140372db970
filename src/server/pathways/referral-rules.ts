import type { ReferralDecision, ReferralDeclineReason } from "../../shared/pathways.ts";
import { isSmall } from "../core/small-cells.ts";
import type { FieldIssue } from "../infra/http/errors.ts";
import { daysBetween } from "../infra/time/civil-date.ts";

export interface ReferralState {
  decision: ReferralDecision;
  decisionDate: string | null;
  declineReason: ReferralDeclineReason | null;
  firstContactDate: string | null;
}

/**
 * The problems of a referral's decision as it would be stored (pure): a decision has its date and
 * a pending referral none; a decline has its reason and nothing else does; a first contact only
 * for an accepted referral; no date before the referral or after today. Every state without
 * issues satisfies the table's checks (migration 0024; property-tested).
 */
export function referralStateIssues(
  s: ReferralState,
  referralDate: string,
  today: string,
  at = "body.",
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const date = (field: string, value: string | null) => {
    if (value === null) return;
    if (value < referralDate)
      issues.push({
        field: `${at}${field}`,
        rule: "before_referral",
        message: `${value} is before the referral date ${referralDate}`,
      });
    else if (value > today)
      issues.push({
        field: `${at}${field}`,
        rule: "future",
        message: `${value} is in the future (today is ${today})`,
      });
  };
  if (s.decision === "pending") {
    if (s.decisionDate !== null)
      issues.push({
        field: `${at}decisionDate`,
        rule: "only_when_decided",
        message: "a pending referral has no decision date",
      });
  } else if (s.decisionDate === null)
    issues.push({ field: `${at}decisionDate`, rule: "required", message: "give the date of the decision" });
  else date("decisionDate", s.decisionDate);
  if (s.decision === "declined" && s.declineReason === null)
    issues.push({
      field: `${at}declineReason`,
      rule: "required",
      message: "give the reason it was declined",
    });
  if (s.decision !== "declined" && s.declineReason !== null)
    issues.push({
      field: `${at}declineReason`,
      rule: "only_when_declined",
      message: "a decline reason is given only for a declined referral",
    });
  if (s.firstContactDate !== null) {
    if (s.decision !== "accepted")
      issues.push({
        field: `${at}firstContactDate`,
        rule: "only_when_accepted",
        message: "a first contact is recorded only for an accepted referral",
      });
    else date("firstContactDate", s.firstContactDate);
  }
  return issues;
}

/**
 * Waiting days of a referral: from the referral date to the first contact when there is one, else
 * to the decision, else (pending, or accepted and not yet seen) to `today`. The same rule as
 * `waitingDaysSql` in read-waiting-times.ts.
 */
export function waitingDays(
  r: { referralDate: string; decisionDate: string | null; firstContactDate: string | null },
  today: string,
): number {
  const end = r.firstContactDate ?? r.decisionDate ?? today;
  return Math.max(0, daysBetween(r.referralDate, end));
}

export interface WaitingCells {
  referrals: number | null;
  medianDays: number | null;
  p90Days: number | null;
  pendingOver: number | null;
  suppressed: boolean;
}

/** A row of the waiting-time card; with `suppress`, a count of 1–4 hides the whole row. */
export function waitingCells(
  r: { referrals: number; median: number | null; p90: number | null; pending_over: number },
  suppress: boolean,
): WaitingCells {
  if (suppress && (isSmall(r.referrals) || isSmall(r.pending_over)))
    return { referrals: null, medianDays: null, p90Days: null, pendingOver: null, suppressed: true };
  return {
    referrals: r.referrals,
    medianDays: r.median,
    p90Days: r.p90,
    pendingOver: r.pending_over,
    suppressed: false,
  };
}
