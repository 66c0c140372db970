import type { IssueParams } from "../../../shared/validation-messages.ts";
/**
 * The one error type the domain throws. Its `code` decides the HTTP status in exactly one place
 * (STATUS below); `message` is for the user and must never carry internals.
 */
export type ErrorCode =
  | "validation"
  | "unauthenticated"
  | "forbidden"
  /** The user must change the password first (users.must_change_password). */
  | "password_change_required"
  | "not_found"
  | "conflict"
  | "stale_version"
  | "rate_limited"
  | "payload_too_large"
  | "unsupported_media_type"
  /** The server could not do it now (a recomputation failed, a dependency is down); retry later. */
  | "unavailable"
  | "overloaded"
  /** The database cannot be reached (connection refused, timed out). */
  | "database_unavailable";

export const STATUS: Record<ErrorCode, number> = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  password_change_required: 403,
  not_found: 404,
  conflict: 409,
  stale_version: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  unavailable: 503,
  overloaded: 503,
  database_unavailable: 503,
};

export interface FieldIssue {
  /** Dotted path of the field, e.g. `body.parameters.ageBand.min`. */
  field: string;
  /** The rule that failed, a code of `shared/validation-messages.ts` (`too_small`, `required`, …). */
  rule: string;
  /** What a client needs to say it in its language (allowed values, limits): `IssueParams`. */
  params?: IssueParams;
  /** English, for people; clients translate by `rule` + `params` instead. */
  message: string;
}

/**
 * Why a 403 `forbidden` was answered, as a stable code beside the English message (every 403
 * `forbidden` reply carries one; clients say it in the user's language — docs/errors.md):
 *
 * - `aggregates_only`: a viewer asked for patient-level data;
 * - `not_your_site`: the site is not among the user's sites;
 * - `not_your_patient`: the patient is not known at the user's sites;
 * - `not_your_programme`: the user has no role in the programme or at its sites;
 * - `administrators_only`: reserved to administrators;
 * - `csrf`: the request lacked the session's CSRF token;
 * - `no_consent`: a shared care or crisis plan the patient has not consented to share with the
 *   user's service, or consent was withdrawn (care/read-shared-plan.ts);
 * - `not_permitted`: any other rule (the message says which).
 */
export const FORBIDDEN_REASONS = [
  "aggregates_only",
  "not_your_site",
  "not_your_patient",
  "not_your_programme",
  "administrators_only",
  "csrf",
  "no_consent",
  "not_permitted",
] as const;
export type ForbiddenReason = (typeof FORBIDDEN_REASONS)[number];

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues: FieldIssue[] = [],
    readonly headers: Record<string, string> = {},
    /** Only for `forbidden`: why (the reply's `reason`); `not_permitted` when left out. */
    readonly reason?: ForbiddenReason,
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new AppError("not_found", `${what} not found`);
export const forbidden = (
  why = "you do not have access to this",
  reason: ForbiddenReason = "not_permitted",
) => new AppError("forbidden", why, [], {}, reason);
export const conflict = (message: string, field?: string) =>
  new AppError("conflict", message, field ? [{ field, rule: "unique", message }] : []);
export const invalid = (field: string, rule: string, message: string) =>
  new AppError("validation", `${field}: ${message}`, [{ field, rule, message }]);

/** One validation error carrying every issue (a form shows each next to its field). */
export function issuesError(issues: FieldIssue[]): AppError {
  // One issue or many, each keeps its params (a range, a group's code) for the client to say it
  return new AppError("validation", issues.map((i) => `${i.field}: ${i.message}`).join("; "), issues);
}
