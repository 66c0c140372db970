import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { type IssueParams, isKnownRule, validationMessage } from "../../../shared/validation-messages.ts";
import { AppError, type FieldIssue, type ForbiddenReason, STATUS } from "./errors.ts";

interface ErrorBody {
  error: string;
  message: string;
  /** 403 `forbidden` only: a stable code of FORBIDDEN_REASONS (errors.ts). */
  reason?: ForbiddenReason;
  issues?: FieldIssue[];
}

/** Fastify's own error codes that are the client's fault, mapped onto ours. */
const FASTIFY_CODES: Record<string, AppError["code"]> = {
  FST_ERR_CTP_INVALID_JSON_BODY: "validation",
  FST_ERR_CTP_EMPTY_JSON_BODY: "validation",
  FST_ERR_CTP_BODY_TOO_LARGE: "payload_too_large",
  FST_ERR_CTP_INVALID_MEDIA_TYPE: "unsupported_media_type",
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: "validation",
};

/** The patterns of the shared schemas, named so that a client can say what is expected. */
function formatOf(pattern: string | undefined, format: string): string {
  if (pattern === String(/^\d{4}-\d{2}-\d{2}$/)) return "date";
  if (pattern === String(/^[A-Za-z0-9._-]+$/) || pattern === String(/^[A-Za-z0-9_.-]+$/)) return "code";
  if (pattern?.startsWith("/^[A-Z][0-9]{2}")) return "diagnosis";
  return format;
}

/** The value the client sent at a path (to tell "missing" from "wrong"). */
function valueAt(root: unknown, path: string[]): unknown {
  let v = root;
  for (const key of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<string, unknown>)[key];
  }
  return v;
}

const MISSING_CAN_BE = new Set([
  "invalid_type",
  "invalid_value",
  "invalid_union",
  "invalid_format",
  "too_small",
]);

/**
 * One zod issue → `{ field, rule, params, message }`: a stable rule code and the params a client
 * needs to say it (shared/validation-messages.ts, which also writes the English message — zod's own
 * text never reaches a client). A value left out, null or empty is `required`.
 */
export function zodIssue(
  context: string,
  path: string[],
  keyword: string,
  zodParams: Record<string, unknown>,
  zodMessage: string,
  sent: unknown,
): FieldIssue {
  const field = [context, ...path].filter(Boolean).join(".");
  const value = valueAt(sent, path);
  const custom = (zodParams.params as { rule?: unknown } | undefined)?.rule;
  if ((value === undefined || value === null || value === "") && MISSING_CAN_BE.has(keyword))
    return { field, rule: "required", message: validationMessage({ rule: "required" }, "en") };
  let rule = typeof custom === "string" ? custom : keyword;
  let params: IssueParams | undefined;
  switch (keyword) {
    case "invalid_type": {
      const expected = String(zodParams.expected ?? "");
      params = { expected: expected === "int" ? "integer" : expected };
      break;
    }
    case "invalid_value":
      params = { values: (zodParams.values as IssueParams["values"]) ?? [] };
      break;
    case "too_small":
    case "too_big": {
      const limit = keyword === "too_small" ? zodParams.minimum : zodParams.maximum;
      params = {
        [keyword === "too_small" ? "min" : "max"]: typeof limit === "bigint" ? Number(limit) : limit,
        inclusive: zodParams.inclusive !== false,
        origin: String(zodParams.origin ?? "number"),
      };
      break;
    }
    case "invalid_format": {
      const pattern = zodParams.pattern === undefined ? undefined : String(zodParams.pattern);
      const format = String(zodParams.format ?? "regex");
      params = { format: formatOf(pattern, format) };
      break;
    }
    case "not_multiple_of":
      params = { divisor: Number(zodParams.divisor) };
      break;
    case "custom": {
      const { rule: _rule, ...rest } = (zodParams.params ?? {}) as Record<string, unknown>;
      if (Object.keys(rest).length) params = rest;
      break;
    }
  }
  if (keyword === "invalid_union") rule = "invalid_union";
  // A refinement without a rule of its own speaks for itself, unless with zod's default ("Invalid
  // input"); one naming a rule of the layer reads as the layer says it.
  // So does a pattern the layer cannot name ("lower-case letters, digits and hyphens").
  const ownPattern = keyword === "invalid_format" && params?.format === "regex";
  const authored =
    (rule === "custom" || ownPattern || !isKnownRule(rule)) && zodMessage && !/^Invalid/.test(zodMessage);
  const message = authored ? zodMessage : validationMessage({ rule, params }, "en");
  return params ? { field, rule, params, message } : { field, rule, message };
}

function zodIssues(err: FastifyError, sent: unknown): FieldIssue[] {
  const context = (err as { validationContext?: string }).validationContext ?? "body";
  const validation = (err as unknown as { validation: Array<Record<string, unknown>> }).validation ?? [];
  const out: FieldIssue[] = [];
  for (const v of validation) {
    const path = String(v.instancePath ?? "")
      .split("/")
      .filter(Boolean);
    const keyword = String(v.keyword ?? "custom");
    const zodParams = (v.params ?? {}) as Record<string, unknown>;
    const keys = zodParams.keys as string[] | undefined;
    if (keyword === "unrecognized_keys" && keys?.length) {
      for (const key of keys) {
        out.push({
          field: [context, ...path, key].join("."),
          rule: "unrecognized_keys",
          message: `unknown field "${key}"`,
        });
      }
    } else {
      const issue = zodIssue(context, path, keyword, zodParams, String(v.message ?? ""), sent);
      // An empty value breaks several checks (length and pattern): it is required, once.
      if (!out.some((o) => o.field === issue.field && o.rule === "required" && issue.rule === "required"))
        out.push(issue);
    }
  }
  return out;
}

/** What the client sent in the part a validation error is about. */
function sentPart(
  err: FastifyError,
  req: { body?: unknown; query?: unknown; params?: unknown; headers?: unknown },
) {
  const context = (err as { validationContext?: string }).validationContext ?? "body";
  if (context === "querystring") return req.query;
  if (context === "params") return req.params;
  if (context === "headers") return req.headers;
  return req.body;
}

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    let status: number;
    let body: ErrorBody;
    if (err instanceof AppError) {
      status = STATUS[err.code];
      body = {
        error: err.code,
        message: err.message,
        ...(err.code === "forbidden" ? { reason: err.reason ?? "not_permitted" } : {}),
        ...(err.issues.length ? { issues: err.issues } : {}),
      };
      for (const [k, v] of Object.entries(err.headers)) reply.header(k, v);
    } else if (hasZodFastifySchemaValidationErrors(err)) {
      const issues = zodIssues(err, sentPart(err, req));
      status = 400;
      body = {
        error: "validation",
        message: issues.map((i) => `${i.field}: ${i.message}`).join("; "),
        issues,
      };
    } else if (err.code && FASTIFY_CODES[err.code]) {
      const code = FASTIFY_CODES[err.code]!;
      status = STATUS[code];
      const message =
        code === "payload_too_large"
          ? "the request body is larger than allowed"
          : code === "unsupported_media_type"
            ? "send the body as application/json"
            : err.code === "FST_ERR_CTP_INVALID_JSON_BODY"
              ? "the request body is not valid JSON"
              : "the request body is invalid";
      body = { error: code, message, issues: [{ field: "body", rule: code, message }] };
    } else if (isDbUnavailable(err)) {
      req.log.error({ err }, "database unavailable");
      status = STATUS.database_unavailable;
      body = {
        error: "database_unavailable",
        message: "the database cannot be reached right now; try again in a moment",
      };
      reply.header("retry-after", "5");
    } else if (isDbConstraintError(err)) {
      const mapped = dbConstraintError(err as unknown as { code: string; detail?: string; column?: string });
      status = STATUS[mapped.code];
      body = { error: mapped.code, message: mapped.message, issues: mapped.issues };
    } else if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      status = err.statusCode;
      body = { error: "bad_request", message: "the request could not be understood" };
    } else {
      req.log.error({ err }, "unhandled error");
      status = 500;
      body = { error: "internal", message: "something went wrong on the server; the error was logged" };
    }
    return reply.status(status).send(body);
  });

  app.setNotFoundHandler((req, reply) => {
    reply
      .status(404)
      .send({ error: "not_found", message: `no route ${req.method} ${req.url.split("?")[0]}` });
  });
}

/**
 * Errors Fastify raises before routing (`frameworkErrors` of the server options), which would
 * otherwise answer in Fastify's own shape with no field: a path that is not valid
 * percent-encoding (`/api/patients/%ud800`) and a path parameter longer than the router takes.
 * Found by the OpenAPI fuzzer (tests/api/openapi-fuzz.test.ts).
 */
export function frameworkErrors(err: FastifyError, _req: FastifyRequest, reply: FastifyReply): void {
  const tooLong = err.code === "FST_ERR_MAX_PARAM_LENGTH";
  const issue: FieldIssue = tooLong
    ? { field: "params", rule: "too_long", message: "a path parameter is longer than allowed" }
    : { field: "params", rule: "bad_url", message: "the path is not valid percent-encoded UTF-8" };
  reply
    .status(tooLong ? 414 : 400)
    .send({ error: "validation", message: `${issue.field}: ${issue.message}`, issues: [issue] });
}

/** Node socket errors and PostgreSQL SQLSTATEs that mean "no database to talk to", not a bug. */
const UNAVAILABLE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  "57P01", // admin_shutdown
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now
  "53300", // too_many_connections
  "08000",
  "08001",
  "08003",
  "08004",
  "08006",
]);
/** node-postgres's own messages for a connection that failed or died. */
const UNAVAILABLE_MESSAGES =
  /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection terminated unexpectedly)/;

export function isDbUnavailable(err: unknown): boolean {
  if (!err || typeof err !== "object") return false;
  const code = (err as { code?: unknown }).code;
  if (typeof code === "string" && UNAVAILABLE_CODES.has(code)) return true;
  const message = (err as { message?: unknown }).message;
  return typeof message === "string" && UNAVAILABLE_MESSAGES.test(message);
}

/** PostgreSQL constraint violations that reach here are the client's fault; say which field. */
const DB_CODES: Record<string, { code: AppError["code"]; rule: string; message: string }> = {
  "23505": { code: "conflict", rule: "unique", message: "is already used" },
  "23503": {
    code: "validation",
    rule: "reference",
    message: "refers to something that does not exist or is still in use",
  },
  "23514": { code: "validation", rule: "check", message: "breaks a rule of the data" },
  "23502": { code: "validation", rule: "required", message: "is required" },
};

function isDbConstraintError(err: unknown): boolean {
  const code = (err as { code?: unknown }).code;
  return typeof code === "string" && code in DB_CODES;
}

function dbConstraintError(err: {
  code: string;
  detail?: string;
  column?: string;
  constraint?: string;
}): AppError {
  const rule = DB_CODES[err.code]!;
  const column =
    err.column ??
    /Key \(([^)]+)\)/.exec(err.detail ?? "")?.[1] ??
    (err as { constraint?: string }).constraint ??
    "body";
  const field = `body.${column.replace(/^lower\((.*)\)$/, "$1").replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase())}`;
  return new AppError(rule.code, `${field}: ${rule.message}`, [
    { field, rule: rule.rule, message: rule.message },
  ]);
}
