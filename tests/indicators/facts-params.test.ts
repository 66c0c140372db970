import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { psychosocialOf } from "../../src/server/indicators/service.ts";
import type { IndicatorProgrammeParamsTable } from "../../src/server/infra/db/schema.ts";
import { PARAMETER_DEFAULTS } from "../../src/shared/programme-defaults.ts";
import { createWorld, type World } from "../support/world.ts";

/**
 * Migration 0008 writes INDICATORS.md's defaults and the base taxonomy's psychosocial flags as SQL
 * literals (`indicator_params_of`: a migration is frozen). The facts are computed with them, the
 * recomputing engine with src/shared/programme-defaults.ts and the taxonomy in code: the two must
 * agree, for a programme that stores no parameters and for a practice with its own types.
 */
let w: World;
beforeAll(async () => {
  w = await createWorld();
}, 120_000);
afterAll(async () => {
  await w?.close();
});

/** What indicator_params_of returns: the parameter columns of indicator_programme_params. */
type Params = Omit<IndicatorProgrammeParamsTable, "programme_id" | "built_at">;

async function paramsOf(parameters: unknown, definition: unknown): Promise<Params> {
  const r = await sql<Params>`
    select * from indicator_params_of(${JSON.stringify(parameters)}::jsonb, ${
      definition === null ? null : JSON.stringify(definition)
    }::jsonb)`.execute(w.database.db);
  return r.rows[0]!;
}

const D = PARAMETER_DEFAULTS;
const CASES: Array<[string, Record<string, unknown>, unknown]> = [
  ["no parameters, no practice definition", {}, null],
  ["no parameters, a practice with no types of its own", {}, { interventionTypes: [] }],
  [
    "a practice adding a psychosocial type",
    {},
    { interventionTypes: [{ code: "imr_session", psychosocial: true }] },
  ],
  [
    "a practice turning a base type psychosocial",
    {},
    { interventionTypes: [{ code: "nursing", psychosocial: true }] },
  ],
  [
    "a practice turning a base type off, the last entry winning",
    {},
    {
      interventionTypes: [
        { code: "psychotherapy", psychosocial: true },
        { code: "psychotherapy", psychosocial: false },
      ],
    },
  ],
  [
    "parameters of their own",
    {
      earlyWindowDays: 60,
      intensiveThreshold: 3,
      newToServiceDays: 180,
      ageBand: { min: 16, max: 25 },
      targetDiagnoses: ["F20", "F25"],
    },
    null,
  ],
];

describe("the facts' programme parameters", () => {
  it.each(CASES)("%s: the same as the engine's", async (_, parameters, definition) => {
    const p = { ...D, ...parameters } as typeof D;
    expect(await paramsOf(parameters, definition)).toEqual({
      early_days: p.earlyWindowDays,
      threshold: p.intensiveThreshold,
      new_days: p.newToServiceDays,
      age_min: p.ageBand.min,
      age_max: p.ageBand.max,
      diagnoses: p.targetDiagnoses,
      psychosocial: psychosocialOf(definition ?? undefined).psychosocial,
    });
  });
});
