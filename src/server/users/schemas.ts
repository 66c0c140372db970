import { z } from "zod";
import { Password, Username } from "../accounts/public.ts";
import { Id, Name, nonEmpty } from "../shared/schemas.ts";

export const GrantBody = z
  .strictObject({
    role: z.enum(["administrator", "regional_coordinator", "site_coordinator", "clinician", "viewer"]),
    programmeId: Id.nullable().default(null),
    siteId: Id.nullable().default(null),
  })
  .superRefine((g, ctx) => {
    const needsProgramme = g.role === "regional_coordinator";
    const needsSite = g.role === "site_coordinator" || g.role === "clinician";
    if (needsProgramme && g.programmeId === null)
      ctx.addIssue({
        code: "custom",
        path: ["programmeId"],
        message: "a regional coordinator needs a programme",
        params: { rule: "required" },
      });
    if (!needsProgramme && g.role !== "viewer" && g.programmeId !== null)
      ctx.addIssue({
        code: "custom",
        path: ["programmeId"],
        message: "this role has no programme",
        params: { rule: "not_for_role" },
      });
    if (needsSite && g.siteId === null)
      ctx.addIssue({
        code: "custom",
        path: ["siteId"],
        message: "a site coordinator or clinician needs a site",
        params: { rule: "required" },
      });
    if (!needsSite && g.siteId !== null)
      ctx.addIssue({
        code: "custom",
        path: ["siteId"],
        message: "this role has no site",
        params: { rule: "not_for_role" },
      });
  });

export const User = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  active: z.boolean(),
  mustChangePassword: z.boolean(),
  language: z.string(),
  createdAt: z.string(),
  grants: z.array(
    z.object({
      id: z.number().int(),
      role: z.string(),
      programmeId: z.number().int().nullable(),
      siteId: z.number().int().nullable(),
    }),
  ),
});
export type User = z.infer<typeof User>;

export const UserBody = z.strictObject({
  username: Username,
  displayName: Name.optional(),
  password: Password,
  grants: z.array(GrantBody).min(1, "at least one role").max(100),
});

export const UserPatch = nonEmpty(
  z.strictObject({
    displayName: Name.optional(),
    active: z.boolean().optional(),
    /** Replaces the user's roles. */
    grants: z.array(GrantBody).min(1, "at least one role").max(100).optional(),
    /** Sets a new password that the user must change at next login. */
    password: Password.optional(),
  }),
);
