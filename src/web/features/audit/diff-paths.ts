/**
 * The paths at which two JSON values differ, e.g. `["version", "definition.interventionTypes"]`.
 * Objects are compared key by key; arrays and scalars as a whole.
 *
 * @example
 * diffPaths({ a: 1, b: { c: 2, d: 3 } }, { a: 1, b: { c: 2, d: 4 } }) // → ["b.d"]
 */
export function diffPaths(before: unknown, after: unknown, at = ""): string[] {
  const isObject = (v: unknown): v is Record<string, unknown> =>
    v !== null && typeof v === "object" && !Array.isArray(v);
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((k) => diffPaths(before[k], after[k], at ? `${at}.${k}` : k));
  }
  return JSON.stringify(before) === JSON.stringify(after) ? [] : [at || "(value)"];
}
