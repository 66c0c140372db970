import { z } from "zod";
import { PASSWORD_MAX, PASSWORD_MIN } from "../infra/auth/password.ts";
import { ROLES } from "../infra/auth/principal.ts";

export const Username = z
  .string()
  .min(3, "at least 3 characters")
  .max(64, "at most 64 characters")
  .regex(/^[A-Za-z0-9._-]+$/, "letters, digits, dot, underscore and hyphen only");

export const Password = z
  .string()
  .min(PASSWORD_MIN, `at least ${PASSWORD_MIN} characters`)
  .max(PASSWORD_MAX, `at most ${PASSWORD_MAX} characters`);

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
  mustChangePassword: z.boolean(),
  csrfToken: z.string(),
  grants: z.array(Grant),
  isAdmin: z.boolean(),
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

export const PasswordChangeBody = z.strictObject({
  currentPassword: z.string().min(1, "required").max(PASSWORD_MAX),
  newPassword: Password,
});

export const PreferencesBody = z.strictObject({
  language: z.enum(["en", "it"]).optional(),
  displayName: z.string().max(100).optional(),
});
