import { sql } from "kysely";
import { z } from "zod";
import type { Executor } from "../infra/db/executor.ts";
import { AppError } from "../infra/http/errors.ts";
import { ProgrammeParameters, ProgrammeParametersPatch } from "./schemas.ts";

/**
 * What a change of a programme's parameters or practice version does to its indicator facts
 * (migration 0008): the facts depend on the early window, the intensive threshold, the
 * new-to-service window, the age band, the target diagnoses and the practice's psychosocial
 * types. Changing any of them recomputes the facts of every enrolment of the programme in the
 * same transaction as the change — the coordinator sees how many before saving.
 */
export const ParameterImpactBody = z.strictObject({
  parameters: ProgrammeParametersPatch.optional(),
  practiceVersion: z.number().int().positive().optional(),
});

export const ParameterImpact = z.object({
  /** Whether saving recomputes the programme's indicator facts. */
  recomputes: z.boolean(),
  /** Enrolments whose facts would be recomputed (0 when nothing the facts depend on changes). */
  enrolments: z.number().int(),
  /** The fact parameters that change: earlyWindowDays, psychosocialTypes, … */
  changes: z.array(z.string()),
});
export type ParameterImpact = z.infer<typeof ParameterImpact>;

const FIELDS: Array<[column: string, name: string]> = [
  ["early_days", "earlyWindowDays"],
  ["threshold", "intensiveThreshold"],
  ["new_days", "newToServiceDays"],
  ["age_min", "ageBand.min"],
  ["age_max", "ageBand.max"],
  ["diagnoses", "targetDiagnoses"],
  ["psychosocial", "psychosocialTypes"],
];

export async function parameterImpact(
  db: Executor,
  programmeId: number,
  change: z.infer<typeof ParameterImpactBody>,
): Promise<ParameterImpact | undefined> {
  const current = await db
    .selectFrom("programmes")
    .select(["parameters", "practice_id", "practice_version"])
    .where("id", "=", programmeId)
    .executeTakeFirst();
  if (!current) return undefined;
  const parameters = ProgrammeParameters.parse({
    ...(current.parameters as Record<string, unknown>),
    ...change.parameters,
  });
  const version = change.practiceVersion ?? current.practice_version;
  const { rows } = await sql<Record<string, boolean> & { enrolments: number; stored: boolean }>`
    select ${sql.join(
      FIELDS.map(([c]) => sql`(x.${sql.ref(c)} is distinct from pp.${sql.ref(c)}) as ${sql.ref(c)}`),
    )},
      pp.programme_id is not null as stored,
      (select count(*)::int from enrolments e where e.programme_id = ${programmeId}) as enrolments
    from indicator_params_of(${JSON.stringify(parameters)}::jsonb, (
      select definition from practice_versions where practice_id = ${current.practice_id} and version = ${version}
    )) x
    left join indicator_programme_params pp on pp.programme_id = ${programmeId}`.execute(db);
  const row = rows[0]!;
  const changes = row.stored ? FIELDS.filter(([c]) => row[c]).map(([, name]) => name) : ["all"];
  const recomputes = changes.length > 0;
  return { recomputes, enrolments: recomputes ? Number(row.enrolments) : 0, changes };
}

/**
 * A failure inside the recomputation the change triggers (a timeout, the disk, memory) rolls
 * the whole change back; say so plainly instead of a bare internal error.
 */
export function recomputeFailure(err: unknown): AppError | undefined {
  const e = err as { message?: string; where?: string };
  const where = `${e.where ?? ""} ${e.message ?? ""}`;
  if (!/indicator_rebuild_programme|indicator_refresh/.test(where)) return undefined;
  return new AppError(
    "unavailable",
    `recomputing the programme's indicator facts failed (${(e.message ?? "unknown reason").split("\n")[0]}); nothing was saved — try again, or ask an administrator to look at the server log`,
  );
}
