import type { IssueParams } from "../../shared/validation-messages.ts";
/**
 * The one HTTP client of the web app. Every call goes through `api()`: it sends the session's
 * CSRF token on state-changing requests, turns error answers into `ApiError`, and reports a lost
 * session (401) so the app can return to the login page.
 */

export interface FieldIssue {
  /** Dotted path of the field, as the server names it: `body.parameters.ageBand.min`. */
  field: string;
  /** A stable code, translated by `shared/validation-messages.ts`. */
  rule: string;
  /** What the rule needs to be said (allowed values, limits): `IssueParams`. */
  params?: IssueParams;
  /** The server's English sentence. */
  message: string;
}

/** An error answer of the API, or a network failure (status 0). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: FieldIssue[] = [],
    /** A 403's stable reason code (`aggregates_only`, `not_your_site`, …: docs/errors.md). */
    readonly reason: string | null = null,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

let csrfToken: string | null = null;
let onUnauthenticated: (() => void) | null = null;

/** Remember the CSRF token of the current session (from `GET /api/me` or the login answer). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called whenever the server answers 401 to a call made with a session. */
export function setUnauthenticatedHandler(handler: (() => void) | null): void {
  onUnauthenticated = handler;
}

let onPasswordChangeRequired: (() => void) | null = null;

/** Called when the server answers 403 `password_change_required` (a password set by an administrator). */
export function setPasswordChangeRequiredHandler(handler: (() => void) | null): void {
  onPasswordChangeRequired = handler;
}

/** Query string from the defined, non-empty values of `params`. */
export function query(params: Record<string, string | number | boolean | null | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== "") q.set(k, String(v));
  }
  const s = q.toString();
  return s ? `?${s}` : "";
}

/**
 * One call to the API: a JSON body (or a `FormData`, sent as multipart/form-data: uploads), the
 * session's CSRF token on writes; a refusal becomes an `ApiError` naming the server's code and
 * field issues.
 */
export async function api<T>(method: Method, url: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: "application/json" };
  const form = body instanceof FormData;
  if (body !== undefined && !form) headers["content-type"] = "application/json";
  if (method !== "GET" && csrfToken) headers["x-csrf-token"] = csrfToken;
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      headers,
      credentials: "same-origin",
      body: body === undefined ? undefined : form ? body : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, "network", "network error");
  }
  const text = await res.text();
  let data: unknown = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = null;
    }
  }
  if (!res.ok) {
    const e = (data ?? {}) as { error?: string; message?: string; reason?: string; issues?: FieldIssue[] };
    const err = new ApiError(
      res.status,
      e.error ?? "http_error",
      e.message ?? res.statusText,
      e.issues ?? [],
      e.reason ?? null,
    );
    const isLogin = url === "/api/session" && method === "POST";
    if (res.status === 401 && !isLogin) onUnauthenticated?.();
    if (res.status === 403 && err.code === "password_change_required") onPasswordChangeRequired?.();
    throw err;
  }
  return data as T;
}

export const get = <T>(url: string) => api<T>("GET", url);
export const post = <T>(url: string, body?: unknown) => api<T>("POST", url, body ?? {});
export const put = <T>(url: string, body: unknown) => api<T>("PUT", url, body);
export const patch = <T>(url: string, body: unknown) => api<T>("PATCH", url, body);
export const del = <T>(url: string) => api<T>("DELETE", url);
export const upload = <T>(url: string, form: FormData) => api<T>("POST", url, form);
