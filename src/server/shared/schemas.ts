import { z } from "zod";
import { PROFILES } from "../../shared/vocabulary.ts";

export { PROFILES };

/** Schema pieces shared by several capabilities. */

/** Codes as in EXCHANGE-FORMAT.md: 1–64 letters, digits, `.`, `_`, `-`. */
export const Code = z
  .string()
  .min(1, "required")
  .max(64, "at most 64 characters")
  .regex(/^[A-Za-z0-9._-]+$/, "letters, digits, dot, underscore and hyphen only");

export const Name = z.string().trim().min(1, "required").max(200, "at most 200 characters");

/**
 * A civil date `YYYY-MM-DD` that exists on the calendar — PostgreSQL's calendar: it has no year 0
 * (JavaScript's has), and `0000-01-01` as an indicator's `asOf` reached the database as a 500
 * (found by tests/api/openapi-fuzz.test.ts).
 */
export const CivilDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "a date as YYYY-MM-DD")
  .refine(
    (s) => {
      // a string not shaped as a date (empty, "12/05/2026") has its one issue from the regex
      if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return true;
      const d = new Date(`${s}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s && !s.startsWith("0000-");
    },
    { message: "not a date on the calendar", params: { rule: "calendar_date" } },
  );

/**
 * An id: a JSON number, or digits in a URL path or query string. Never a boolean, an array or
 * "1e3" — `z.coerce` would quietly turn `true` or `[1]` into 1.
 */
export const Id = z
  .union([z.number(), z.string().regex(/^[0-9]{1,10}$/, "a whole number")], {
    error: "a positive whole number",
  })
  .transform(Number)
  .pipe(z.number().int("a whole number").positive("a positive id").max(2_147_483_647, "too large"));
export const IdParams = z.strictObject({ id: Id });

export const Ok = z.object({ ok: z.literal(true) });

export const Profile = z.enum(PROFILES);

/** A PATCH body must change something. */
export function nonEmpty<T extends z.ZodObject>(schema: T) {
  return schema.refine((o) => Object.values(o as object).some((v) => v !== undefined), {
    message: "send at least one field to change",
  });
}
