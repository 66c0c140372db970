import type { DIRECTIONS } from "../indicators/public.ts";

type Direction = (typeof DIRECTIONS)[number];

/**
 * A value misses its target when it is below it for a higher-is-better indicator, above it for a
 * lower-is-better one. No value (not computable, suppressed), no target or no direction: not
 * judged. Targets are read as the indicators API gives them (`target`, `direction` of each
 * definition's meta), whatever indicator they belong to.
 */
export function missesTarget(
  value: number | null,
  target: number | null,
  direction: Direction | null,
): boolean {
  if (value === null || target === null || direction === null) return false;
  return direction === "higher_is_better" ? value < target : value > target;
}
