/**
 * The shapes of the indicator-facts API (`src/server/indicators/facts/routes.ts`). The server
 * keeps those zod schemas private to its routes file, so they are written out here, field for
 * field; the e2e test reads the same answers through the API.
 */

/** One cell as the verification compares it (null where a side has no such cell). */
export interface FactCell {
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  size: number | null;
}

export interface FactDifference {
  asOf: string;
  /** The breakdown the cell belongs to: "site" (the per-site facts) or "sex" (per-enrolment facts). */
  by: string;
  indicator: string;
  /** The site code, sex or other group; null for the programme row. */
  group: string | null;
  facts: FactCell | null;
  recomputed: FactCell | null;
}

export interface Verification {
  id: number;
  programmeId: number;
  startedAt: string;
  finishedAt: string;
  asOf: string[];
  /** Cells compared (indicator × group × date × breakdown). */
  cells: number;
  /** Every difference found (the detail keeps only the first ones), plus 1 when the facts were missing. */
  differences: number;
  startedBy: string;
  detail: { missing: boolean; differences: FactDifference[] };
}

export interface ProgrammeFacts {
  id: number;
  code: string;
  name: string;
  /** When the facts were last built from the registry; null: never. */
  builtAt: string | null;
  /** Enrolments the facts hold. */
  enrolments: number;
  lastVerification: Verification | null;
}

export interface FactsStatus {
  programmes: ProgrammeFacts[];
}

export interface RebuildResult {
  enrolments: number;
  ms: number;
}
