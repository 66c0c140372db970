import { z } from "zod";
import { CivilDate, Code, Id, PROFILES } from "../../shared/schemas.ts";
import { CareDate, Label } from "../schemas.ts";

export const MODES = ["in_person", "online", "blended"] as const;

export const CourseBody = z.strictObject({
  code: Code,
  /** The programme whose training this is, and/or the site that runs it locally. */
  programmeId: Id.nullable().default(null),
  siteId: Id.nullable().default(null),
  title: Label(200),
  topic: Label(200),
  hours: z.number().min(0, "0 or more").max(2000, "at most 2000"),
  mode: z.enum(MODES),
  startDate: CareDate,
  endDate: CareDate,
});
export type CourseBody = z.infer<typeof CourseBody>;
export type CourseBodyInput = z.input<typeof CourseBody>;

export const Course = z.object({
  id: z.number().int(),
  code: z.string(),
  programmeId: z.number().int().nullable(),
  siteId: z.number().int().nullable(),
  title: z.string(),
  topic: z.string(),
  hours: z.number(),
  mode: z.enum(MODES),
  startDate: z.string(),
  endDate: z.string(),
  attendees: z.number().int(),
  completed: z.number().int(),
  /** Mean satisfaction (1–5) of those who rated it; null when nobody did. */
  satisfaction: z.number().nullable(),
});
export type Course = z.infer<typeof Course>;

export const CourseQuery = z.strictObject({ programmeId: Id.optional(), siteId: Id.optional() });

export const AttendanceBody = z.strictObject({
  rows: z
    .array(
      z.strictObject({
        professionalId: Id,
        completed: z.boolean(),
        satisfaction: z
          .number()
          .int("a whole number 1–5")
          .min(1, "1–5")
          .max(5, "1–5")
          .nullable()
          .default(null),
      }),
    )
    .min(1, "at least one professional")
    .max(500),
});
export type AttendanceBody = z.infer<typeof AttendanceBody>;
export type AttendanceBodyInput = z.input<typeof AttendanceBody>;

export const Attendance = z.object({
  courseId: z.number().int(),
  rows: z.array(
    z.object({
      professionalId: z.number().int(),
      professionalCode: z.string(),
      siteId: z.number().int(),
      profile: z.enum(PROFILES),
      completed: z.boolean(),
      satisfaction: z.number().int().nullable(),
    }),
  ),
});
export type Attendance = z.infer<typeof Attendance>;

export const SupervisionBody = z.strictObject({
  date: CareDate,
  supervisor: Label(200),
  format: z.enum(["individual", "group"]),
  durationMin: z.number().int().min(1).max(600).nullable().default(null),
  professionalIds: z.array(Id).min(1, "at least one professional").max(100),
});
export type SupervisionBody = z.infer<typeof SupervisionBody>;
export type SupervisionBodyInput = z.input<typeof SupervisionBody>;

export const Supervision = z.object({
  id: z.number().int(),
  siteId: z.number().int(),
  date: z.string(),
  supervisor: z.string(),
  format: z.enum(["individual", "group"]),
  durationMin: z.number().int().nullable(),
  professionalIds: z.array(z.number().int()),
});
export type Supervision = z.infer<typeof Supervision>;

export const FunnelQuery = z.strictObject({ from: CivilDate.optional(), to: CivilDate.optional() });

const Counts = z.object({
  professionals: z.number().int().nullable(),
  trained: z.number().int().nullable(),
  /** Trained and in the implementation team. */
  trainedInTeam: z.number().int().nullable(),
  /** Trained, in the team, and delivering interventions in the registry. */
  delivering: z.number().int().nullable(),
  /** Delivering interventions without being trained (outside the funnel). */
  deliveringUntrained: z.number().int().nullable(),
  /** Cells with 1–4 professionals hidden from this user. */
  suppressed: z.boolean(),
});

export const Funnel = z.object({
  programmeId: z.number().int(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  sites: z.array(Counts.extend({ siteId: z.number().int(), siteCode: z.string(), siteName: z.string() })),
  profiles: z.array(Counts.extend({ profile: z.enum(PROFILES) })),
  programme: Counts,
});
export type Funnel = z.infer<typeof Funnel>;
