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

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues: FieldIssue[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new AppError("not_found", `${what} not found`);
export const forbidden = (why = "you do not have access to this") => new AppError("forbidden", why);
export const conflict = (message: string, field?: string) =>
  new AppError("conflict", message, field ? [{ field, rule: "unique", message }] : []);
export const invalid = (field: string, rule: string, message: string) =>
  new AppError("validation", `${field}: ${message}`, [{ field, rule, message }]);
