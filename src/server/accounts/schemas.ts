import { z } from "zod";
import { PASSWORD_MAX, passwordProblem } from "../infra/auth/password.ts";
import { PASSWORD_MIN } from "../infra/auth/password-policy.ts";
import { ROLES } from "../infra/auth/principal.ts";
import { nonEmpty } from "../shared/schemas.ts";

export const Username = z
  .string()
  .min(3, "at least 3 characters")
  .max(64, "at most 64 characters")
  .regex(/^[A-Za-z0-9._-]+$/, "letters, digits, dot, underscore and hyphen only");

/** A new password: the policy of infra/auth/password-policy.ts, its rule named in the issue. */
export const Password = z.string().superRefine((value, ctx) => {
  const problem = passwordProblem(value);
  if (!problem) return;
  // The limits go along so that a client can say them (shared/validation-messages.ts).
  const limits =
    problem.rule === "too_small"
      ? { min: PASSWORD_MIN, origin: "string" }
      : problem.rule === "too_big"
        ? { max: PASSWORD_MAX, origin: "string" }
        : {};
  ctx.addIssue({ code: "custom", message: problem.message, params: { rule: problem.rule, ...limits } });
});

export const LoginBody = z.strictObject({
  username: z.string().min(1, "required").max(64),
  password: z.string().min(1, "required").max(PASSWORD_MAX),
});

export const Grant = z.object({
  id: z.number().int(),
  role: z.enum(ROLES as [string, ...string[]]),
  programmeId: z.number().int().nullable(),
  siteId: z.number().int().nullable(),
});

/** What the web app needs to draw its shell: who I am, my grants, my programmes and sites. */
export const Me = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  language: z.enum(["en", "it"]),
  /** The region's time zone (PRAXIS_TIME_ZONE): the web app's "today" is the civil day there. */
  timeZone: z.string(),
  mustChangePassword: z.boolean(),
  csrfToken: z.string(),
  grants: z.array(Grant),
  isAdmin: z.boolean(),
  /**
   * Regions where the user may create programmes: every region for an administrator, the regions
   * of the programmes they coordinate for a regional coordinator, none for anyone else.
   */
  programmeRegions: z.array(z.number().int()),
  programmes: z.array(
    z.object({ id: z.number().int(), code: z.string(), name: z.string(), canEdit: z.boolean() }),
  ),
  sites: z.array(
    z.object({
      id: z.number().int(),
      code: z.string(),
      name: z.string(),
      canManage: z.boolean(),
      /** May read the site's operational data (team, patients); false for viewer-only sites. */
      canReadData: z.boolean(),
    }),
  ),
});
export type Me = z.infer<typeof Me>;

export const PasswordChangeBody = z.strictObject({
  currentPassword: z.string().min(1, "required").max(PASSWORD_MAX),
  newPassword: Password,
});

/** An empty change used to reach the database as `update users set where …` (a 500). */
export const PreferencesBody = nonEmpty(
  z.strictObject({
    language: z.enum(["en", "it"]).optional(),
    displayName: z.string().max(100).optional(),
  }),
);
