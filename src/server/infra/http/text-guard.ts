import type { FastifyInstance } from "fastify";
import { type FieldIssue, issuesError } from "./errors.ts";

/**
 * Text PostgreSQL cannot store: NUL (refused by `text` and `jsonb`) and UTF-16 surrogates
 * without their pair (not encodable as UTF-8). Both used to reach the database and come back
 * as 500s.
 */
const NUL = String.fromCharCode(0);
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Why `s` cannot be stored, or null when it can. */
export function unstorableText(s: string): { rule: string; message: string } | null {
  if (s.includes(NUL))
    return { rule: "nul_character", message: "must not contain the NUL character (U+0000)" };
  if (LONE_SURROGATE.test(s)) {
    return { rule: "invalid_unicode", message: "contains an unpaired UTF-16 surrogate (not valid Unicode)" };
  }
  return null;
}

/** Every unstorable string (and object key) in a parsed value, by dotted path. */
export function unstorableTextIssues(value: unknown, field: string, out: FieldIssue[] = []): FieldIssue[] {
  if (out.length >= 20) return out;
  if (typeof value === "string") {
    const bad = unstorableText(value);
    if (bad) out.push({ field, ...bad });
  } else if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) unstorableTextIssues(v, `${field}.${i}`, out);
  } else if (value !== null && typeof value === "object" && isPlain(value)) {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      const badKey = unstorableText(k);
      if (badKey)
        out.push({
          field: `${field}.${[...k].map((c) => (unstorableText(c) ? "\ufffd" : c)).join("")}`,
          ...badKey,
        });
      else unstorableTextIssues(v, `${field}.${k}`, out);
    }
  }
  return out;
}

/** Parsed data (JSON, query strings — fast-querystring's objects have a prototype of their own), not a stream or buffer. */
function isPlain(value: object): boolean {
  return !Buffer.isBuffer(value) && typeof (value as { pipe?: unknown }).pipe !== "function";
}

/**
 * Refuse such text at the edge, for every route and every part of the request (path
 * parameters, query string, JSON body), before any schema or handler sees it: 400 `validation`
 * naming each field.
 */
export function installTextGuard(app: FastifyInstance): void {
  app.addHook("preValidation", async (req) => {
    const issues: FieldIssue[] = [];
    unstorableTextIssues(req.params, "params", issues);
    unstorableTextIssues(req.query, "querystring", issues);
    unstorableTextIssues(req.body, "body", issues);
    if (issues.length) {
      throw issuesError(issues);
    }
  });
}
