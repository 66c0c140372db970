/**
 * A comparison names items by key (`["items","o1","tags"]`); people know them by what they say.
 * Walk a version's content along the path and name each item by its title, text or label.
 */
const KEYS = ["id", "code", "indicatorId", "question"] as const;
const NAMES = ["title", "text", "label", "name", "objective", "code", "indicatorId", "question"] as const;

type Json = unknown;

export function itemName(item: Json): string | null {
  if (!item || typeof item !== "object" || Array.isArray(item)) return null;
  const o = item as Record<string, unknown>;
  for (const k of NAMES) if (typeof o[k] === "string" && o[k]) return o[k] as string;
  return null;
}

function child(node: Json, segment: string): Json {
  if (Array.isArray(node)) {
    const found = node.find(
      (x) => x && typeof x === "object" && KEYS.some((k) => (x as Record<string, unknown>)[k] === segment),
    );
    return found ?? node[Number(segment)];
  }
  if (node && typeof node === "object") return (node as Record<string, unknown>)[segment];
  return undefined;
}

/** The path in words: field names as the `field` function says them, items by name. */
export function describePath(path: string[], contents: Json[], field: (name: string) => string): string[] {
  const words: string[] = [];
  let nodes = contents;
  for (const segment of path) {
    const isList = nodes.some(Array.isArray);
    nodes = nodes.map((n) => child(n, segment));
    if (isList) {
      const named = nodes.map(itemName).find((n) => n !== null);
      words.push(named ? `“${named}”` : segment);
    } else words.push(field(segment));
  }
  return words;
}

/** A value of a change, short: texts as they are, lists joined, items by name. */
export function describeValue(value: Json): string {
  if (value === undefined) return "";
  if (value === null) return "—";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return value.map(describeValue).join(", ");
  const named = itemName(value);
  return named ?? JSON.stringify(value);
}
