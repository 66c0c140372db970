/**
 * A structured diff between two snapshots of an artefact, for the web to render: every change is
 * `added`, `removed` or `changed`, with its path. Arrays of objects are matched by their key (the
 * first of `id`, `code`, `indicatorId`, `question` that every element has, uniquely), so a path
 * names the item — `["strategicAreas","sa1","subAreas","sb2","activities","a7","status"]` — and
 * reordering is not a change. Arrays of plain values (tags, stakeholders) are compared as
 * multisets: each value added or removed is one change at the array's path.
 */
export interface Change {
  type: "added" | "removed" | "changed";
  path: string[];
  before?: unknown;
  after?: unknown;
}

const KEYS = ["id", "code", "indicatorId", "question"] as const;

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

function keyOf(a: unknown[], b: unknown[]): string | null {
  const all = [...a, ...b];
  if (all.length === 0 || !all.every(isObject)) return null;
  for (const k of KEYS) {
    const ok = [a, b].every((list) => {
      const seen = new Set<string>();
      for (const el of list as Obj[]) {
        const v = el[k];
        if (typeof v !== "string" && typeof v !== "number") return false;
        if (seen.has(String(v))) return false;
        seen.add(String(v));
      }
      return true;
    });
    if (ok) return k;
  }
  return null;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function walk(a: unknown, b: unknown, path: string[], out: Change[]): void {
  if (same(a, b)) return;
  if (a === undefined) {
    out.push({ type: "added", path, after: b });
    return;
  }
  if (b === undefined) {
    out.push({ type: "removed", path, before: a });
    return;
  }
  if (isObject(a) && isObject(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
    for (const k of keys) walk(a[k], b[k], [...path, k], out);
    return;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    const key = keyOf(a, b);
    if (key) {
      const byKey = (list: unknown[]) => new Map((list as Obj[]).map((el) => [String(el[key]), el]));
      const left = byKey(a);
      const right = byKey(b);
      for (const [k, el] of left)
        if (!right.has(k)) out.push({ type: "removed", path: [...path, k], before: el });
      for (const [k, el] of right) {
        const old = left.get(k);
        if (old === undefined) out.push({ type: "added", path: [...path, k], after: el });
        else walk(old, el, [...path, k], out);
      }
      return;
    }
    if ([...a, ...b].every((v) => !isObject(v) && !Array.isArray(v))) {
      const remaining = [...b];
      const removed: unknown[] = [];
      for (const v of a) {
        const i = remaining.findIndex((r) => same(r, v));
        if (i >= 0) remaining.splice(i, 1);
        else removed.push(v);
      }
      for (const v of removed) out.push({ type: "removed", path, before: v });
      for (const v of remaining) out.push({ type: "added", path, after: v });
      return;
    }
    const n = Math.max(a.length, b.length);
    for (let i = 0; i < n; i++) walk(a[i], b[i], [...path, String(i)], out);
    return;
  }
  out.push({ type: "changed", path, before: a, after: b });
}

export function diffSnapshots(before: unknown, after: unknown): Change[] {
  const out: Change[] = [];
  walk(before, after, [], out);
  return out;
}
