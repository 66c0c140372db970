import { z } from "zod";
import { Code, Id, nonEmpty, Profile } from "../shared/schemas.ts";

/** A professional of a site; the implementation team is the site's professionals with `inImplementationTeam`. */
export const Professional = z.object({
  id: z.number().int(),
  code: z.string(),
  siteId: z.number().int(),
  profile: Profile,
  inImplementationTeam: z.boolean(),
  teamCoordinator: z.boolean(),
  trained: z.boolean(),
  trainingHours: z.number().nullable(),
});

const coordinatorInTeam = (p: { teamCoordinator?: boolean; inImplementationTeam?: boolean }) =>
  !(p.teamCoordinator === true && p.inImplementationTeam === false);

export const ProfessionalBody = z
  .strictObject({
    code: Code,
    siteId: Id,
    profile: Profile,
    inImplementationTeam: z.boolean().default(false),
    teamCoordinator: z.boolean().default(false),
    trained: z.boolean().default(false),
    trainingHours: z.number().min(0).max(100000).nullable().default(null),
  })
  .refine(coordinatorInTeam, {
    message: "a team coordinator must be in the implementation team",
    path: ["teamCoordinator"],
  });

export const ProfessionalPatch = nonEmpty(
  z.strictObject({
    profile: Profile.optional(),
    inImplementationTeam: z.boolean().optional(),
    teamCoordinator: z.boolean().optional(),
    trained: z.boolean().optional(),
    trainingHours: z.number().min(0).max(100000).nullable().optional(),
  }),
);

export const ProfessionalQuery = z.strictObject({
  siteId: Id,
  teamOnly: z.enum(["true", "false"]).optional(),
});
