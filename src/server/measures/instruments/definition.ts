/**
 * The shape of an instrument of the library. Each instrument is one data file under `library/`
 * (see its README); the scoring engine (`score.ts`) reads nothing but this shape.
 *
 * Item texts are present only where the licence lets us ship them (`licence.textsIncluded`);
 * otherwise items carry their number and response values only, and a service loads its licensed
 * wording into the database (`instrument_wordings`), never into the code.
 */

export type Respondent = "patient" | "clinician" | "family";

/**
 * The language of the texts shipped in the library (`licence.textsIncluded`). In any other
 * language an instrument is score-only until a service loads the wording it holds (the published
 * translation, where the licence allows it): docs/instruments.md says which, and why.
 */
export const SHIPPED_TEXTS_LANGUAGE = "en";

/** Whether the library shows its own texts of `def` in `language`. */
export const textsShippedIn = (def: InstrumentDefinition, language: string): boolean =>
  def.licence.textsIncluded && language === SHIPPED_TEXTS_LANGUAGE;

export interface ResponseOption {
  value: number;
  /** The option's wording; absent for score-only instruments. */
  label?: string;
}

export interface Item {
  /** Stable id used in answers (`"9"` for PHQ-9 item 9; `"BPD"` for a SCID-5-PD section). */
  id: string;
  /** The item's wording; absent for score-only instruments. */
  text?: string;
  /** Every value an answer to this item may take (the answer must be one of them). */
  options: ResponseOption[];
  /** Scored as (lowest + highest option value) − answer. */
  reversed?: boolean;
  /** Not part of the total (e.g. a follow-up question only used by a flag). */
  unscored?: boolean;
  /** An answer above the lowest value is allowed only when this other item is at least `atLeast`. */
  onlyIf?: { item: string; atLeast: number };
  loinc?: string;
}

/** How a score is made from item values. */
export interface ScoreRule {
  /** `sum` of item scores, `mean` of them, or `subscales`: the sum of the sub-scale scores. */
  method: "sum" | "mean" | "subscales";
  /** Items that count (default: every scored item). Ignored for `subscales`. */
  items?: string[];
  /** Applied after summing (DASS-21 sub-scales are doubled). */
  multiplier?: number;
  /**
   * At most this many items may be missing; a sum is then prorated (mean of the answered items ×
   * number of items), a mean is taken over the answered items. More missing: no score.
   */
  maxMissing: number;
  /** Decimals the score is rounded to (half away from zero). */
  decimals: number;
}

export interface Band {
  /** The band applies from this score up to the next band's `min`. */
  min: number;
  code: string;
  label: string;
  /** 0 = none or lowest; rising with severity (or with recovery for IMRS: see `higherIsBetter`). */
  level: number;
}

export interface Subscale extends ScoreRule {
  code: string;
  name: string;
  range: { min: number; max: number };
  bands?: Band[];
}

/** A condition on the answers or the scores, for flags. */
export type Condition =
  | { item: string; atLeast: number }
  | { total: true; atLeast: number }
  | { subscale: string; atLeast: number }
  | { anyOf: Condition[] }
  | { allOf: Condition[] };

export interface Flag {
  code: string;
  /** Shown next to the score: what to do about it. */
  message: string;
  when: Condition;
  /** Of the flags sharing a group, only the first raised (in library order) is reported. */
  group?: string;
}

/**
 * Reliable change (Jacobson & Truax): a change larger than `points` is unlikely (p < .05) to be
 * measurement error. Either published directly as a number of points, or computed from a
 * published standard deviation and reliability: points = 1.96 × SD × √(2 × (1 − r)).
 */
export type ReliableChange =
  | { kind: "points"; points: number; source: string }
  | { kind: "sd_reliability"; sd: number; reliability: number; source: string };

export interface InstrumentDefinition {
  code: string;
  name: string;
  /** The library's version of this definition; stored with every administration. */
  version: string;
  respondents: Respondent[];
  /** What is being rated and over which period (the instructions, when licensed). */
  instructions?: string;
  source: string;
  licence: { textsIncluded: boolean; notice: string };
  loinc?: { panel?: string; total?: string };
  items: Item[];
  /** The total score; null for instruments without one (SCID-5-PD, C-SSRS, ASSIST-Lite). */
  total: (ScoreRule & { range: { min: number; max: number } }) | null;
  /** Reported beside the total: the mean item score (the IMRS is reported both ways). */
  meanItemScore?: boolean;
  subscales?: Subscale[];
  bands?: Band[];
  flags?: Flag[];
  /** Whether a higher total means better (IMRS) or worse (symptom scales). */
  higherIsBetter: boolean;
  reliableChange?: ReliableChange;
  /** Notes on scoring decisions, shown in the library and in docs/measures.md. */
  notes?: string[];
}

/** The options 0…n with the given labels (or without labels for score-only instruments). */
export function likert(from: number, labels: string[] | number): ResponseOption[] {
  if (typeof labels === "number") return Array.from({ length: labels }, (_, i) => ({ value: from + i }));
  return labels.map((label, i) => ({ value: from + i, label }));
}

/** Items numbered 1…n without wording, all with the same options. */
export function numberedItems(n: number, options: ResponseOption[], extra: Partial<Item> = {}): Item[] {
  return Array.from({ length: n }, (_, i) => ({ id: String(i + 1), options, ...extra }));
}
