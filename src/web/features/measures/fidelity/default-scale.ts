/** What the choice of a default scale needs to know of a scale. */
export interface ScaleForDefault {
  code: string;
  /** The practices (codes) the scale was made for; empty: any practice. */
  practices: readonly string[];
}

/**
 * The scale a programme's fidelity pages open on: the first made for the programme's practice;
 * failing that the first made for any practice; never a scale of another practice unless there
 * is nothing else (a BPD programme opens on treatment integrity, not on the IMR scale). Without a
 * programme yet (its practice still loading, or none), the first scale for any practice.
 */
export function defaultScale<S extends ScaleForDefault>(
  scales: readonly S[],
  practiceCode: string | null | undefined,
): S | undefined {
  return (
    (practiceCode ? scales.find((s) => s.practices.includes(practiceCode)) : undefined) ??
    scales.find((s) => s.practices.length === 0) ??
    scales[0]
  );
}
