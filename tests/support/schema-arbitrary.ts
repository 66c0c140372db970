import fc from "fast-check";

/**
 * fast-check arbitraries from the JSON Schema the API publishes (its OpenAPI document, built from
 * the zod schemas): `valid` stays inside the schema (types, enums, patterns, bounds) so a request
 * gets past validation and reaches the domain; `hostile` breaks it at some depth (wrong types,
 * missing required keys, unknown keys, out-of-range numbers, impossible dates, huge strings, NUL,
 * lone surrogates) while the rest of the value stays valid.
 */
// biome-ignore lint/suspicious/noExplicitAny: JSON Schema is untyped data
export type Schema = Record<string, any>;

/** Values of the world to use for a field, by field name (`siteId`, `patientIds`, `code`…); null = not an id. */
export type IdSource = (name: string) => fc.Arbitrary<number | string> | null;

export interface ArbitraryOptions {
  ids: IdSource;
  /** Today, `YYYY-MM-DD`: valid dates are drawn around it. */
  today: string;
}

const MAX_DEPTH = 6;
const DATE_PATTERN = "^\\d{4}-\\d{2}-\\d{2}$";
const ID_PATTERN = "^[0-9]{1,10}$";

/** A value that JSON cannot carry is not sent: NaN and ±Infinity never appear. */
const anyJson = fc.jsonValue({ maxDepth: 2 });

/** Strings that have broken text handling before. */
export const hostileStrings = [
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "\ud800",
  "x\udc00y",
  "😀",
  "'; drop table patients; --",
  "%",
  "\\",
  "../../etc/passwd",
  '=HYPERLINK("x")',
  "x".repeat(5000),
];
/** Dates with the right shape that are not days, or are days no one means. */
export const hostileDates = [
  "2024-02-30",
  "2023-02-29",
  "2024-13-01",
  "2024-00-10",
  "0000-01-01",
  "0001-01-01",
  "1899-12-31",
  "9999-12-31",
  "2024-1-1",
  "24-01-01",
  "2024-01-01T00:00:00Z",
  "",
];
export const hostileNumbers = [-1, 0, 0.5, -0.0, 2_147_483_648, 2 ** 53, 1e308, -1e308, 99_999_999];

function isIdUnion(s: Schema): boolean {
  const alts: Schema[] | undefined = s.anyOf ?? s.oneOf;
  return (
    !!alts &&
    alts.length === 2 &&
    alts.some((a) => a.type === "number") &&
    alts.some((a) => a.type === "string" && a.pattern === ID_PATTERN)
  );
}

function nullable<T>(s: Schema, arb: fc.Arbitrary<T>): fc.Arbitrary<T | null> {
  return s.nullable
    ? fc.oneof({ weight: 5, arbitrary: arb }, { weight: 1, arbitrary: fc.constant(null) })
    : arb;
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** A value the schema accepts (as far as JSON Schema can say: refinements in zod may still refuse it). */
export function valid(s: Schema, o: ArbitraryOptions, name = "", depth = 0): fc.Arbitrary<unknown> {
  return nullable(s, validInner(s, o, name, depth));
}

function validInner(s: Schema, o: ArbitraryOptions, name: string, depth: number): fc.Arbitrary<unknown> {
  if (s.enum) return fc.constantFrom(...(s.enum as unknown[]));
  if (s.const !== undefined) return fc.constant(s.const);
  const ids = o.ids(name);
  if (ids && (isIdUnion(s) || s.type === "integer" || s.type === "number")) {
    return isIdUnion(s) ? fc.oneof(ids, ids.map(String)) : ids;
  }
  if (s.anyOf || s.oneOf) {
    const alts = (s.anyOf ?? s.oneOf) as Schema[];
    return fc.oneof(...alts.map((a) => valid(a, o, name, depth)));
  }
  if (s.allOf) return valid(Object.assign({}, ...(s.allOf as Schema[])), o, name, depth);
  switch (s.type) {
    case "object":
      return validObject(s, o, depth);
    case "array": {
      const min = s.minItems ?? 0;
      const max = Math.max(min, Math.min(s.maxItems ?? 4, 4));
      const items = s.items ? valid(s.items, o, singular(name), depth + 1) : anyJson;
      return fc.array(items, { minLength: min, maxLength: max });
    }
    case "string":
      return validString(s, o, name);
    case "integer": {
      const [min, max] = bounds(s, true);
      return fc.integer({ min, max });
    }
    case "number": {
      const [min, max] = bounds(s, false);
      return fc.oneof(
        fc.integer({ min: Math.ceil(min), max: Math.floor(max) }),
        fc.double({ min, max, noNaN: true, noDefaultInfinity: true }),
      );
    }
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    default:
      return anyJson;
  }
}

function bounds(s: Schema, integer: boolean): [number, number] {
  const step = integer ? 1 : Number.EPSILON;
  let min = typeof s.minimum === "number" ? s.minimum : -1_000_000;
  let max = typeof s.maximum === "number" ? s.maximum : 1_000_000;
  if (s.exclusiveMinimum === true) min += step;
  if (typeof s.exclusiveMinimum === "number") min = s.exclusiveMinimum + step;
  if (s.exclusiveMaximum === true) max -= step;
  if (typeof s.exclusiveMaximum === "number") max = s.exclusiveMaximum - step;
  // Stay in a range a person would type: huge values belong to the hostile side.
  return [Math.max(min, -1_000_000), Math.min(max, Math.max(min, 1_000_000))];
}

function validObject(s: Schema, o: ArbitraryOptions, depth: number): fc.Arbitrary<unknown> {
  if (depth > MAX_DEPTH) return fc.constant({});
  const props = (s.properties ?? {}) as Record<string, Schema>;
  const required = (s.required ?? []) as string[];
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [k, v] of Object.entries(props)) model[k] = valid(v, o, k, depth + 1);
  const record = fc.record(model, { requiredKeys: required.filter((k) => k in props) });
  if (s.additionalProperties && typeof s.additionalProperties === "object" && !Object.keys(props).length) {
    return fc.dictionary(
      fc.string({ minLength: 1, maxLength: 8 }),
      valid(s.additionalProperties, o, "", depth + 1),
      {
        maxKeys: 3,
      },
    );
  }
  return record;
}

function validString(s: Schema, o: ArbitraryOptions, name: string): fc.Arbitrary<string> {
  const min = s.minLength ?? 0;
  const max = Math.max(min, Math.min(s.maxLength ?? 40, 40));
  if (s.pattern === DATE_PATTERN || s.format === "date") {
    // Mostly past days (records are of the past), sometimes a future one.
    return fc
      .oneof({ weight: 5, arbitrary: fc.integer({ min: -3 * 365, max: 0 }) }, fc.integer({ min: 1, max: 60 }))
      .map((d) => addDays(o.today, d));
  }
  if (s.format === "date-time") {
    return fc.integer({ min: -3 * 365, max: 60 }).map((d) => `${addDays(o.today, d)}T12:00:00.000Z`);
  }
  if (s.format === "uuid") return fc.uuid();
  if (s.format === "email") return fc.emailAddress();
  if (s.pattern) {
    let re: RegExp | null = null;
    try {
      re = new RegExp(s.pattern);
    } catch {
      re = null;
    }
    if (re) {
      const matching = fc
        .stringMatching(re)
        .filter((x) => x.length >= min && x.length <= (s.maxLength ?? 1e9));
      return fc
        .oneof(
          matching,
          matching.map((x) => x.slice(0, max)),
        )
        .filter((x) => re!.test(x) && x.length >= min);
    }
  }
  const ids = o.ids(name);
  if (ids) return fc.oneof(ids.map(String), fc.string({ minLength: min, maxLength: max }));
  return fc.string({ minLength: min, maxLength: max });
}

function singular(name: string): string {
  return name.endsWith("Ids") ? name.slice(0, -1) : name.endsWith("ies") ? `${name.slice(0, -3)}y` : name;
}

/** A value of the wrong kind for `s`, or the right kind out of its bounds. */
function brokenLeaf(s: Schema): fc.Arbitrary<unknown> {
  const options: fc.Arbitrary<unknown>[] = [
    fc.constantFrom(null, true, 42, "text", [], {}, [1, "x"], { a: 1 }),
    anyJson,
  ];
  const kinds = new Set<string>([s.type, ...((s.anyOf ?? s.oneOf ?? []) as Schema[]).map((a) => a.type)]);
  if (kinds.has("string") || s.enum) {
    options.push(fc.constantFrom(...hostileStrings));
    if (s.pattern === DATE_PATTERN || s.format) options.push(fc.constantFrom(...hostileDates));
    if (typeof s.maxLength === "number") options.push(fc.constant("y".repeat(s.maxLength + 1)));
    options.push(fc.string({ unit: "binary", maxLength: 20 }));
  }
  if (kinds.has("integer") || kinds.has("number") || isIdUnion(s)) {
    options.push(fc.constantFrom(...hostileNumbers));
    if (typeof s.minimum === "number") options.push(fc.constant(s.minimum - 1));
    if (typeof s.maximum === "number") options.push(fc.constant(s.maximum + 1));
    options.push(fc.constantFrom("1e3", "0x10", " 1", "-1", "99999999999", "1.5"));
  }
  if (kinds.has("array")) {
    const over = typeof s.maxItems === "number" ? s.maxItems + 1 : 1001;
    if (over <= 2001)
      options.push(fc.constant(Array.from({ length: over }, () => (s.items?.type === "object" ? {} : 1))));
  }
  return fc.oneof(...options);
}

/** A value close to valid, broken somewhere (here or deeper). */
export function hostile(s: Schema, o: ArbitraryOptions, name = "", depth = 0): fc.Arbitrary<unknown> {
  if (depth > MAX_DEPTH) return brokenLeaf(s);
  if (s.type === "object" && s.properties) {
    const props = s.properties as Record<string, Schema>;
    const required = ((s.required ?? []) as string[]).filter((k) => k in props);
    const model: Record<string, fc.Arbitrary<unknown>> = {};
    for (const [k, v] of Object.entries(props)) {
      model[k] = fc.oneof(
        { weight: 3, arbitrary: valid(v, o, k, depth + 1) },
        { weight: 1, arbitrary: hostile(v, o, k, depth + 1) },
      );
    }
    return fc.oneof(
      // Some fields broken, the required ones present.
      fc.record(model, { requiredKeys: required }),
      // Required fields missing.
      fc.record(model, { requiredKeys: [] }),
      // An unknown field beside valid ones.
      fc
        .tuple(
          valid(s, o, name, depth),
          fc.constantFrom("extra", "__proto__", "constructor", "id", "\u0000"),
          anyJson,
        )
        .map(([v, k, x]) =>
          v && typeof v === "object" && !Array.isArray(v) ? { ...v, [k]: x } : { [k]: x },
        ),
      brokenLeaf(s),
    );
  }
  if (s.type === "array" && s.items) {
    return fc.oneof(
      fc.array(hostile(s.items, o, singular(name), depth + 1), { minLength: 1, maxLength: 3 }),
      brokenLeaf(s),
    );
  }
  if (s.anyOf || s.oneOf) {
    const alts = (s.anyOf ?? s.oneOf) as Schema[];
    if (isIdUnion(s)) return brokenLeaf(s);
    return fc.oneof(brokenLeaf(s), ...alts.map((a) => hostile(a, o, name, depth + 1)));
  }
  return brokenLeaf(s);
}

/** Mostly valid (to reach the domain), often broken somewhere. */
export function fuzzed(s: Schema, o: ArbitraryOptions, name = ""): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 2, arbitrary: valid(s, o, name) }, { weight: 3, arbitrary: hostile(s, o, name) });
}
