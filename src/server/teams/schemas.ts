import { z } from "zod";
import { today } from "../infra/time/civil-date.ts";
import { CivilDate, Code, Id, nonEmpty, Profile } from "../shared/schemas.ts";

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
  /** The day they joined the site; null: in post since before the records. */
  joinedOn: z.string().nullable(),
  /** The day they left the site; null: still in post. */
  leftOn: z.string().nullable(),
});
export type Professional = z.infer<typeof Professional>;

/** A day of the team's history: a calendar date, from 1950, not after the region's today. */
const HistoryDate = CivilDate.refine(
  (d) => !/^\d{4}-/.test(d) || d >= "1950-01-01",
  "1950-01-01 or later",
).refine((d) => !/^\d{4}-\d{2}-\d{2}$/.test(d) || d <= today(), {
  message: "not after today",
  params: { rule: "future" },
});

const leftAfterJoined = (p: { joinedOn?: string | null; leftOn?: string | null }) =>
  !(p.joinedOn && p.leftOn && p.leftOn < p.joinedOn);
const leftNotInTeam = (p: { leftOn?: string | null; inImplementationTeam?: boolean }) =>
  !(p.leftOn && p.inImplementationTeam === true);
/** The issues of the two leaving rules, for a new professional and a change alike. */
const LEFT_AFTER_JOINED = {
  message: "not before the day they joined",
  path: ["leftOn"],
  params: { rule: "left_before_joined" },
};
const LEFT_NOT_IN_TEAM = {
  message: "a professional who has left is not in the implementation team",
  path: ["inImplementationTeam"],
  params: { rule: "left_not_in_team" },
};

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
    joinedOn: HistoryDate.nullable().default(null),
    leftOn: HistoryDate.nullable().default(null),
  })
  .refine(coordinatorInTeam, {
    message: "a team coordinator must be in the implementation team",
    path: ["teamCoordinator"],
  })
  .refine(leftAfterJoined, LEFT_AFTER_JOINED)
  .refine(leftNotInTeam, LEFT_NOT_IN_TEAM);
export type ProfessionalBodyInput = z.input<typeof ProfessionalBody>;

export const ProfessionalPatch = nonEmpty(
  z.strictObject({
    profile: Profile.optional(),
    inImplementationTeam: z.boolean().optional(),
    teamCoordinator: z.boolean().optional(),
    trained: z.boolean().optional(),
    trainingHours: z.number().min(0).max(100000).nullable().optional(),
    joinedOn: HistoryDate.nullable().optional(),
    /** Setting it takes the professional out of the implementation team in the same write. */
    leftOn: HistoryDate.nullable().optional(),
  }),
)
  .refine(leftAfterJoined, LEFT_AFTER_JOINED)
  .refine(leftNotInTeam, LEFT_NOT_IN_TEAM);
export type ProfessionalPatchInput = z.input<typeof ProfessionalPatch>;

export const ProfessionalQuery = z.strictObject({
  siteId: Id,
  teamOnly: z.enum(["true", "false"]).optional(),
});

export const TurnoverQuery = z.strictObject({
  years: z.coerce.number().int("a whole number").min(1, "1 or more").max(10, "at most 10").default(3),
});

export const StaffTurnover = z.object({
  siteId: z.number().int(),
  /** The region's today: the current year runs to it. */
  asOf: z.string(),
  /** Professionals with no joining day: in post since before the records. */
  unknownJoined: z.number().int(),
  years: z.array(
    z.object({
      year: z.number().int(),
      from: z.string(),
      to: z.string(),
      startHeadcount: z.number().int(),
      endHeadcount: z.number().int(),
      joiners: z.number().int(),
      leavers: z.number().int(),
      /** Leavers ÷ the mean of the start and end headcounts; null when nobody was in post. */
      turnover: z.number().nullable(),
    }),
  ),
});
export type StaffTurnover = z.infer<typeof StaffTurnover>;
