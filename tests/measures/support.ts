import type { LightMyRequestResponse } from "fastify";
import { expect } from "vitest";
import { clients, createPatient, daysAgo, thisYear } from "../support/registry-world.ts";
import { rowCounts } from "../support/row-counts.ts";
import type { World } from "../support/world.ts";

export { clients, createPatient, daysAgo, thisYear };

/** Row counts of the measures tables (and assessments): "nothing stored" is these staying equal. */
export async function measureCounts(w: World) {
  const tables = [
    "assessments",
    "measure_administrations",
    "instrument_wordings",
    "imr_summaries",
    "fidelity_reviews",
    "fidelity_ratings",
    "training_courses",
    "training_attendance",
    "supervision_sessions",
  ] as const;
  return rowCounts(w, tables);
}

/** The field:rule pairs of a 4xx answer, sorted. */
export function issuesOf(res: LightMyRequestResponse): string[] {
  return (res.json().issues ?? []).map((i: { field: string; rule: string }) => `${i.field}:${i.rule}`).sort();
}

export function ok(res: LightMyRequestResponse, status = 200) {
  expect(res.statusCode, res.body).toBe(status);
  return res.json();
}

/** PHQ-9 answers 1…9. */
export const phq9 = (values: number[]) => Object.fromEntries(values.map((v, i) => [String(i + 1), v]));
