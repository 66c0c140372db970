import type { Band, Condition, InstrumentDefinition, Item, ScoreRule } from "./definition.ts";

/**
 * The scoring engine: pure functions of an instrument definition and the answers. No I/O; the
 * administration form calls it live (POST /api/instruments/:code/score) and the server calls it
 * again when storing, so what is stored is what the form showed.
 *
 * @example
 *   scoreAnswers(PHQ9, { "1": 1, "2": 2, "3": 0, "4": 1, "5": 0, "6": 0, "7": 1, "8": 0, "9": 1 })
 *   // → { total: 6, band: { code: "mild", … }, flags: [{ code: "self_harm_thoughts", … }], … }
 */

/** Item id → the answer's value; null or absent: not answered. */
export type Answers = Record<string, number | null | undefined>;

export interface BandResult {
  code: string;
  label: string;
  level: number;
}

export interface SubscaleResult {
  code: string;
  name: string;
  score: number | null;
  prorated: boolean;
  missing: string[];
  band: BandResult | null;
}

export interface FlagResult {
  code: string;
  message: string;
}

export interface ScoreResult {
  instrument: string;
  version: string;
  /** `items`: scored from item answers; `total`: a total entered as such. */
  entry: "items" | "total";
  total: number | null;
  /** The total was prorated from the answered items. */
  prorated: boolean;
  /** Why there is no total, when there is none although the instrument has one. */
  unscoredReason: string | null;
  meanItemScore: number | null;
  answered: number;
  missing: string[];
  subscales: SubscaleResult[];
  band: BandResult | null;
  flags: FlagResult[];
}

/** Round half away from zero to `decimals`. */
export function round(x: number, decimals: number): number {
  const f = 10 ** decimals;
  return (Math.sign(x) * Math.round(Math.abs(x) * f + Number.EPSILON * f)) / f;
}

/** The band a score falls in: the last band whose `min` it reaches. */
export function bandOf(bands: Band[] | undefined, score: number | null): BandResult | null {
  if (!bands?.length || score === null) return null;
  let found: Band | null = null;
  for (const b of bands) if (score >= b.min) found = b;
  return found && { code: found.code, label: found.label, level: found.level };
}

const bounds = (item: Item) => {
  const values = item.options.map((o) => o.value);
  return { min: Math.min(...values), max: Math.max(...values) };
};

/**
 * The value an item contributes: its answer (reversed when marked), the lowest value when it was
 * skipped by design (its `onlyIf` item is answered below the threshold), or null when missing.
 */
function itemScore(item: Item, answers: Answers): number | null {
  const raw = answers[item.id];
  const { min, max } = bounds(item);
  if (raw === null || raw === undefined) {
    if (item.onlyIf) {
      const gate = answers[item.onlyIf.item];
      if (gate !== null && gate !== undefined && gate < item.onlyIf.atLeast) return min;
    }
    return null;
  }
  return item.reversed ? min + max - raw : raw;
}

interface RuleScore {
  score: number | null;
  prorated: boolean;
  missing: string[];
}

/** Apply one sum/mean rule over its items. */
function applyRule(def: InstrumentDefinition, rule: ScoreRule, answers: Answers): RuleScore {
  const ids = rule.items ?? def.items.filter((i) => !i.unscored).map((i) => i.id);
  const byId = new Map(def.items.map((i) => [i.id, i]));
  const values: number[] = [];
  const missing: string[] = [];
  for (const id of ids) {
    const v = itemScore(byId.get(id)!, answers);
    if (v === null) missing.push(id);
    else values.push(v);
  }
  if (missing.length > rule.maxMissing || values.length === 0)
    return { score: null, prorated: false, missing };
  const sum = values.reduce((a, b) => a + b, 0);
  const mean = sum / values.length;
  const raw = rule.method === "mean" ? mean : missing.length ? mean * ids.length : sum;
  return {
    score: round(raw * (rule.multiplier ?? 1), rule.decimals),
    prorated: rule.method === "sum" && missing.length > 0,
    missing,
  };
}

function holds(
  c: Condition,
  answers: Answers,
  total: number | null,
  subs: Map<string, number | null>,
): boolean {
  if ("anyOf" in c) return c.anyOf.some((x) => holds(x, answers, total, subs));
  if ("allOf" in c) return c.allOf.every((x) => holds(x, answers, total, subs));
  if ("item" in c) {
    const v = answers[c.item];
    return v !== null && v !== undefined && v >= c.atLeast;
  }
  const value = "total" in c ? total : (subs.get(c.subscale) ?? null);
  return value !== null && value >= c.atLeast;
}

/** Flags raised; within a group only the first raised. Item conditions need item answers. */
function flagsOf(
  def: InstrumentDefinition,
  answers: Answers,
  total: number | null,
  subs: Map<string, number | null>,
) {
  const out: FlagResult[] = [];
  const groups = new Set<string>();
  for (const f of def.flags ?? []) {
    if (f.group && groups.has(f.group)) continue;
    if (holds(f.when, answers, total, subs)) {
      out.push({ code: f.code, message: f.message });
      if (f.group) groups.add(f.group);
    }
  }
  return out;
}

/** Score item answers (assumed valid: see `answerIssues`). */
export function scoreAnswers(def: InstrumentDefinition, answers: Answers): ScoreResult {
  const subscales: SubscaleResult[] = (def.subscales ?? []).map((s) => {
    const r = applyRule(def, s, answers);
    return { code: s.code, name: s.name, ...r, band: bandOf(s.bands, r.score) };
  });
  const subs = new Map(subscales.map((s) => [s.code, s.score]));
  let total: RuleScore = { score: null, prorated: false, missing: [] };
  let unscoredReason: string | null = null;
  if (def.total?.method === "subscales") {
    const scores = subscales.map((s) => s.score);
    total = {
      score: scores.some((s) => s === null)
        ? null
        : round(
            scores.reduce<number>((a, b) => a + (b ?? 0), 0),
            def.total.decimals,
          ),
      prorated: subscales.some((s) => s.prorated),
      missing: [],
    };
    if (total.score === null) unscoredReason = "a sub-scale has more missing items than its rule allows";
  } else if (def.total) {
    total = applyRule(def, def.total, answers);
    if (total.score === null)
      unscoredReason = `${total.missing.length} items missing; at most ${def.total.maxMissing} may be`;
  }
  const answeredIds = def.items.filter((i) => answers[i.id] !== null && answers[i.id] !== undefined);
  const scoredAnswered = def.items.filter((i) => !i.unscored).map((i) => itemScore(i, answers));
  const present = scoredAnswered.filter((v): v is number => v !== null);
  const missing = def.items.filter((i) => !i.unscored && itemScore(i, answers) === null).map((i) => i.id);
  return {
    instrument: def.code,
    version: def.version,
    entry: "items",
    total: total.score,
    prorated: total.prorated,
    unscoredReason,
    meanItemScore:
      def.meanItemScore && present.length
        ? round(present.reduce((a, b) => a + b, 0) / present.length, 2)
        : null,
    answered: answeredIds.length,
    missing,
    subscales,
    band: bandOf(def.bands, total.score),
    flags: flagsOf(def, answers, total.score, subs),
  };
}

/** Score an administration entered as a total only: bands and total-based flags, nothing item-level. */
export function scoreTotal(def: InstrumentDefinition, total: number): ScoreResult {
  const itemCount = def.items.filter((i) => !i.unscored).length;
  return {
    instrument: def.code,
    version: def.version,
    entry: "total",
    total,
    prorated: false,
    unscoredReason: null,
    meanItemScore: def.meanItemScore ? round(total / itemCount, 2) : null,
    answered: 0,
    missing: [],
    subscales: [],
    band: bandOf(def.bands, total),
    flags: flagsOf(
      { ...def, flags: (def.flags ?? []).filter((f) => onlyTotal(f.when)) },
      {},
      total,
      new Map(),
    ),
  };
}

const onlyTotal = (c: Condition): boolean =>
  "anyOf" in c ? c.anyOf.every(onlyTotal) : "allOf" in c ? c.allOf.every(onlyTotal) : "total" in c;

/** A problem with an answer, at a field path relative to the answers object. */
export interface AnswerIssue {
  item: string;
  rule: "unknown_item" | "not_an_option" | "skipped_item";
  /** not_an_option: the item's answers, for a client to name them. */
  values?: number[];
  message: string;
}

/**
 * Problems with item answers: an item the instrument does not have, a value that is not one of
 * the item's answers, an answer to an item that only applies when another item says so.
 */
export function answerIssues(def: InstrumentDefinition, answers: Answers): AnswerIssue[] {
  const byId = new Map(def.items.map((i) => [i.id, i]));
  const issues: AnswerIssue[] = [];
  for (const [id, value] of Object.entries(answers)) {
    const item = byId.get(id);
    if (!item) {
      issues.push({ item: id, rule: "unknown_item", message: `${def.code} has no item "${id}"` });
      continue;
    }
    if (value === null || value === undefined) continue;
    if (!item.options.some((o) => o.value === value)) {
      const allowed = item.options.map((o) => o.value).join(", ");
      issues.push({
        item: id,
        rule: "not_an_option",
        values: item.options.map((o) => o.value),
        message: `${value} is not an answer of item ${id} (answers: ${allowed})`,
      });
      continue;
    }
    if (item.onlyIf && value > bounds(item).min) {
      const gate = answers[item.onlyIf.item];
      if (gate === null || gate === undefined || gate < item.onlyIf.atLeast)
        issues.push({
          item: id,
          rule: "skipped_item",
          message: `item ${id} applies only when item ${item.onlyIf.item} is at least ${item.onlyIf.atLeast}`,
        });
    }
  }
  return issues;
}

/** The problem with a total entered as such, or null: no total, out of range, too many decimals. */
export function totalIssue(def: InstrumentDefinition, total: number): string | null {
  if (!def.total) return `${def.code} has no total score: enter its items`;
  const { min, max } = def.total.range;
  if (total < min || total > max) return `${total} is outside ${def.code}'s range ${min}–${max}`;
  if (round(total, def.total.decimals) !== total)
    return def.total.decimals === 0
      ? `${def.code}'s total is a whole number`
      : `${def.code}'s total has at most ${def.total.decimals} decimals`;
  return null;
}

/** The reliable-change threshold in points (1.96 × standard error of the difference), or null. */
export function reliableChangePoints(def: InstrumentDefinition): number | null {
  const rc = def.reliableChange;
  if (!rc) return null;
  if (rc.kind === "points") return rc.points;
  return round(1.96 * rc.sd * Math.sqrt(2 * (1 - rc.reliability)), 2);
}

export interface ReliableChangeResult {
  change: number;
  /** change / standard error of the difference: |index| ≥ 1.96 is reliable. */
  index: number;
  threshold: number;
  direction: "improved" | "deteriorated" | "no_reliable_change";
}

/** Reliable change between two totals of one instrument (Jacobson & Truax), or null without a figure. */
export function reliableChange(
  def: InstrumentDefinition,
  from: number,
  to: number,
): ReliableChangeResult | null {
  const threshold = reliableChangePoints(def);
  if (threshold === null) return null;
  const change = round(to - from, 2);
  const index = round(change / (threshold / 1.96), 2);
  const better = def.higherIsBetter ? change > 0 : change < 0;
  return {
    change,
    index,
    threshold,
    direction: Math.abs(change) >= threshold ? (better ? "improved" : "deteriorated") : "no_reliable_change",
  };
}
