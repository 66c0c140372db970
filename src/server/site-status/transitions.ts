import type { SITE_STATUS_REASONS, SITE_STATUSES } from "../../shared/vocabulary.ts";
import type { FieldIssue } from "../infra/http/errors.ts";

export type SiteStatus = (typeof SITE_STATUSES)[number];
export type SiteStatusReason = (typeof SITE_STATUS_REASONS)[number];

export interface StatusChange {
  status: SiteStatus;
  effectiveDate: string;
  reason: SiteStatusReason | null;
}

/** The status a site may move to from its current one (null: nothing recorded yet). */
export const ALLOWED_NEXT: Record<SiteStatus | "none", readonly SiteStatus[]> = {
  // a site may enter the record at any stage but paused: only what has run can pause
  none: ["preparing", "active", "stopped"],
  preparing: ["active", "stopped"],
  active: ["paused", "stopped"],
  paused: ["active", "stopped"],
  // a stopped site may prepare a restart or restart at once
  stopped: ["preparing", "active"],
};

/** Statuses that need a reason: the site is not implementing. */
export const NEEDS_REASON: readonly SiteStatus[] = ["paused", "stopped"];

/**
 * The issues of a proposed change against the latest recorded one (null when none) and today:
 * not in the future, not before the latest change, a transition that makes sense, and a reason
 * when the site pauses or stops. Empty when the change may be stored.
 */
export function checkStatusChange(
  next: StatusChange,
  latest: { status: SiteStatus; effectiveDate: string } | null,
  today: string,
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (next.effectiveDate > today)
    issues.push({
      field: "body.effectiveDate",
      rule: "future",
      message: `${next.effectiveDate} is in the future`,
    });
  if (latest && next.effectiveDate < latest.effectiveDate)
    issues.push({
      field: "body.effectiveDate",
      rule: "before_previous_change",
      params: { date: latest.effectiveDate },
      message: `cannot be before the site's last status change (${latest.effectiveDate})`,
    });
  const from = latest?.status ?? "none";
  if (latest && latest.status === next.status)
    issues.push({
      field: "body.status",
      rule: "same_status",
      params: { status: next.status },
      message: `the site is already ${next.status}`,
    });
  else if (!ALLOWED_NEXT[from].includes(next.status))
    issues.push({
      field: "body.status",
      rule: "status_transition",
      params: { from, to: next.status },
      message:
        from === "none"
          ? `a site with no status recorded cannot be ${next.status}: only an active site can pause`
          : `a ${from} site cannot become ${next.status}; allowed: ${ALLOWED_NEXT[from].join(", ")}`,
    });
  if (NEEDS_REASON.includes(next.status) && next.reason === null)
    issues.push({
      field: "body.reason",
      rule: "required",
      message: `a reason is required when the site is ${next.status}`,
    });
  return issues;
}

/** The current entry of a history: latest by effective date, then by version. */
export function currentOf<T extends { effectiveDate: string; version: number }>(
  history: readonly T[],
): T | null {
  let best: T | null = null;
  for (const h of history)
    if (
      !best ||
      h.effectiveDate > best.effectiveDate ||
      (h.effectiveDate === best.effectiveDate && h.version > best.version)
    )
      best = h;
  return best;
}
