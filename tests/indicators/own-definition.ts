/**
 * A programme's own indicator of the simplest kind, as its definition JSON: of the enrolments (no
 * observation time asked), the share with interventions matching `records` — at least `atLeast`
 * of them when given. Tests state only the interventions that count.
 */
export function interventionsRatio(own: {
  id: string;
  label: string;
  records: Record<string, unknown>;
  atLeast?: number;
}) {
  return {
    id: own.id,
    label: own.label,
    kind: "ratio",
    compute: {
      source: "enrolments",
      population: { observedDays: 0 },
      numerator: {
        type: "records",
        records: { from: "interventions", ...own.records },
        ...(own.atLeast === undefined ? {} : { atLeast: own.atLeast }),
      },
    },
  };
}
