import { FAMILY_RECIPIENTS } from "../../../shared/vocabulary.ts";
import { EARLY_TYPES } from "../../infra/db/migrations/0008_indicator_facts.ts";
import { dayNumber, fromDayNumber, monthNumber } from "../../infra/time/civil-date.ts";

/**
 * The one pass of a programme's facts rebuild (migration 0028's `ONE_PASS`), computed in Node from
 * the interventions an import loaded into the empty table, while the server rebuilds the table's
 * keys and indexes (issue 9: the import's facts cost). The rebuild then reads these sums
 * (migration 0030) instead of joining every intervention to its enrolments again. The same sums:
 * import-pass.test.ts checks them on a table of cases, and tests/exchange/facts-pass.test.ts (with
 * direct-load.test.ts) the facts stored from them against a rebuild from the registry.
 */

/** Interventions as the pass needs them, captured while they are copied (a few bytes a row). */
export class InterventionCapture {
  length = 0;
  /**
   * Set once more rows came than `limit`: the capture is dropped (its memory released) and the
   * rebuild makes its own pass on the server, as without a capture.
   */
  overflowed = false;
  patient = new Int32Array(1 << 16);
  /** Days since 1970-01-01 (`dayNumber`). */
  day = new Int32Array(1 << 16);
  /** year × 12 + month − 1 (`monthNumber`), for computeFacts' month offset. */
  month = new Int32Array(1 << 16);
  /** Index into `types`. */
  type = new Uint16Array(1 << 16);
  /** Recipient is the family (alone or with the patient). */
  family = new Uint8Array(1 << 16);
  readonly types: string[] = [];
  private readonly typeIndex = new Map<string, number>();

  /**
   * `limit`: the most rows kept (4 million by default: 60 MB here, and the sums' groups beside
   * them); a region's whole history in one import is rebuilt on the server instead.
   */
  constructor(readonly limit = 4_000_000) {}

  /** One copied intervention: its patient's id, date (YYYY-MM-DD), type and recipient. */
  add(patientId: number, date: string, type: string, recipient: string | null): void {
    if (this.overflowed) return;
    if (this.length >= this.limit) {
      this.overflow();
      return;
    }
    if (this.length === this.patient.length) this.grow();
    const i = this.length++;
    this.patient[i] = patientId;
    // YYYY-MM-DD, checked by the import (hot: once per row, no allocation)
    this.day[i] = dayNumber(date);
    this.month[i] = monthNumber(date);
    let t = this.typeIndex.get(type);
    if (t === undefined) {
      t = this.types.length;
      this.types.push(type);
      this.typeIndex.set(type, t);
    }
    this.type[i] = t;
    this.family[i] = recipient !== null && FAMILY_RECIPIENTS.has(recipient) ? 1 : 0;
  }

  private overflow(): void {
    this.overflowed = true;
    this.length = 0;
    this.patient = new Int32Array(0);
    this.day = new Int32Array(0);
    this.month = new Int32Array(0);
    this.type = new Uint16Array(0);
    this.family = new Uint8Array(0);
  }

  private grow(): void {
    const n = Math.min(this.patient.length * 2, this.limit);
    const grown = <A extends Int32Array | Uint16Array | Uint8Array>(a: A, make: (n: number) => A): A => {
      const b = make(n);
      b.set(a);
      return b;
    };
    this.patient = grown(this.patient, (k) => new Int32Array(k));
    this.day = grown(this.day, (k) => new Int32Array(k));
    this.month = grown(this.month, (k) => new Int32Array(k));
    this.type = grown(this.type, (k) => new Uint16Array(k));
    this.family = grown(this.family, (k) => new Uint8Array(k));
  }
}

/** An enrolment's care period, and its programme's parameters the pass reads. */
export interface PassEnrolment {
  id: number;
  patientId: number;
  programmeId: number;
  siteId: number;
  /** Enrolment date, days since 1970-01-01. */
  start: number;
  /** End date in days, or null while open. */
  end: number | null;
  /** Enrolment date as year × 12 + month − 1. */
  startMonth: number;
  earlyDays: number;
  psychosocial: readonly string[];
}

const EARLY = EARLY_TYPES.length;
/**
 * The counters of one (enrolment, month) or (programme, site, day) group, in `PASS_COLUMNS` order:
 * early_psy, early_<type>…, care_iv, care_psy, care_family, family_first, last_date.
 */
const WIDTH = 1 + EARLY + 5;
const CARE_IV = 1 + EARLY;
const CARE_PSY = CARE_IV + 1;
const CARE_FAMILY = CARE_IV + 2;
const FAMILY_FIRST = CARE_IV + 3;
const LAST_DATE = CARE_IV + 4;
const NONE = -2_147_483_648;

/** The pass's columns, as the import's temporary table declares them (bigint: count(*)'s type). */
export const PASS_COLUMNS: ReadonlyArray<[string, string]> = [
  ["g", "integer"],
  ["id", "integer"],
  ["m", "integer"],
  ["programme_id", "integer"],
  ["site_id", "integer"],
  ["date", "date"],
  ["early_psy", "bigint"],
  ...EARLY_TYPES.map((t): [string, string] => [`early_${t}`, "bigint"]),
  ["care_iv", "bigint"],
  ["care_psy", "bigint"],
  ["care_family", "bigint"],
  ["family_first", "date"],
  ["last_date", "date"],
];

/** The pass's groups: per (enrolment, month) and per (programme, site, day), as `PASS_COLUMNS`. */
export interface ImportPass {
  rows: number;
  /** The rows in COPY's text format (tab-separated, `\N` for null), in chunks of about 64 kB. */
  text: string[];
}

/**
 * Sum the captured interventions into the pass's two kinds of groups. Each intervention counts
 * for every enrolment of its patient whose care period holds its date (enrolment date to end
 * date, both included), as migration 0028's join does. Yields to the event loop now and then
 * (`pause`), so the queries of the index rebuild running meanwhile go on being sent.
 */
export async function computeImportPass(
  capture: InterventionCapture,
  enrolments: readonly PassEnrolment[],
  pause: () => Promise<void> = () => new Promise((resolve) => setImmediate(resolve)),
): Promise<ImportPass> {
  const { patient, day, month, type, family, types } = capture;
  const n = capture.length;
  let firstDay = Number.MAX_SAFE_INTEGER;
  let lastDay = Number.MIN_SAFE_INTEGER;
  let lastMonth = Number.MIN_SAFE_INTEGER;
  let maxPatient = 0;
  for (let i = 0; i < n; i++) {
    if (day[i]! < firstDay) firstDay = day[i]!;
    if (day[i]! > lastDay) lastDay = day[i]!;
    if (month[i]! > lastMonth) lastMonth = month[i]!;
    if (patient[i]! > maxPatient) maxPatient = patient[i]!;
  }
  // the enrolments of each patient, as a run of `order` (patients numbered by id)
  const order = enrolments
    .map((_, k) => k)
    .sort((x, y) => enrolments[x]!.patientId - enrolments[y]!.patientId);
  const first = new Int32Array(maxPatient + 2).fill(-1);
  const count = new Int32Array(maxPatient + 2);
  order.forEach((k, at) => {
    const p = enrolments[k]!.patientId;
    if (p > maxPatient) return;
    if (first[p] === -1) first[p] = at;
    count[p]! += 1;
  });
  // per enrolment: its month slots (one per month from its start to the last captured month) and
  // its (programme, site) pair's day slots; a slot holds its group's number once opened
  const monthBase = new Int32Array(enrolments.length + 1);
  enrolments.forEach((e, k) => {
    monthBase[k + 1] = monthBase[k]! + Math.max(0, lastMonth - e.startMonth + 1);
  });
  const monthSlot = new Int32Array(monthBase[enrolments.length]!).fill(-1);
  const pairs = new Map<string, number>();
  const pairOf = enrolments.map((e) => {
    const key = `${e.programmeId}:${e.siteId}`;
    let q = pairs.get(key);
    if (q === undefined) {
      q = pairs.size;
      pairs.set(key, q);
    }
    return q;
  });
  const span = Math.max(0, lastDay - firstDay + 1);
  const daySlot = new Int32Array(pairs.size * span).fill(-1);
  const psy = new Uint8Array(enrolments.length * types.length);
  enrolments.forEach((e, k) => {
    types.forEach((t, i) => {
      psy[k * types.length + i] = e.psychosocial.includes(t) ? 1 : 0;
    });
  });
  const earlyType = types.map((t) => EARLY_TYPES.indexOf(t as (typeof EARLY_TYPES)[number]));

  const months = new Groups();
  const days = new Groups();
  for (let i = 0; i < n; i++) {
    if ((i & 0xffff) === 0xffff) await pause();
    const p = patient[i]!;
    const at = first[p]!;
    if (at === -1) continue;
    const d = day[i]!;
    const t = type[i]!;
    const isFamily = family[i] === 1;
    for (let j = at; j < at + count[p]!; j++) {
      const k = order[j]!;
      const e = enrolments[k]!;
      if (d < e.start || (e.end !== null && d > e.end)) continue;
      const isPsy = psy[k * types.length + t] === 1;
      const isEarly = d <= e.start + (e.earlyDays - 1);
      const early = isEarly ? earlyType[t]! : -1;
      const m = month[i]! - e.startMonth;
      const ms = monthBase[k]! + m;
      let g = monthSlot[ms]!;
      if (g === -1) {
        g = months.open(0, e.id, m, e.programmeId, NONE, NONE);
        monthSlot[ms] = g;
      }
      months.count(g, isEarly, isPsy, isFamily, early, d);
      const ds = pairOf[k]! * span + (d - firstDay);
      let h = daySlot[ds]!;
      if (h === -1) {
        h = days.open(1, NONE, NONE, e.programmeId, e.siteId, d);
        daySlot[ds] = h;
      }
      days.count(h, isEarly, isPsy, isFamily, early, d);
    }
  }
  // the COPY text is written here too, while the server is still busy with the indexes
  const text: string[] = [];
  let chunk = "";
  const dates = new Map<number, string>();
  const isoDay = (d: number) => {
    let date = dates.get(d);
    if (date === undefined) {
      date = fromDayNumber(d);
      dates.set(d, date);
    }
    return date;
  };
  for (const line of [...months.lines(isoDay), ...days.lines(isoDay)]) {
    chunk += line;
    if (chunk.length >= 1 << 16) {
      text.push(chunk);
      chunk = "";
      if (text.length % 16 === 0) await pause();
    }
  }
  if (chunk) text.push(chunk);
  return { rows: months.size + days.size, text };
}

const KEYS = 6;

/** Groups of counters in one growing slab: keys (g, id, m, programme, site, day) then the counters. */
class Groups {
  size = 0;
  private slab = new Int32Array((KEYS + WIDTH) * 4096);

  open(g: number, id: number, m: number, programme: number, site: number, day: number): number {
    const stride = KEYS + WIDTH;
    if ((this.size + 1) * stride > this.slab.length) {
      const grown = new Int32Array(this.slab.length * 2);
      grown.set(this.slab);
      this.slab = grown;
    }
    const at = this.size * stride;
    this.slab.set([g, id, m, programme, site, day], at);
    this.slab[at + KEYS + FAMILY_FIRST] = NONE;
    this.slab[at + KEYS + LAST_DATE] = NONE;
    return this.size++;
  }

  count(g: number, early: boolean, psy: boolean, family: boolean, earlyType: number, d: number): void {
    const s = this.slab;
    const at = g * (KEYS + WIDTH) + KEYS;
    if (early && psy) s[at]! += 1;
    if (earlyType >= 0) s[at + 1 + earlyType]! += 1;
    s[at + CARE_IV]! += 1;
    if (psy) s[at + CARE_PSY]! += 1;
    if (family) {
      s[at + CARE_FAMILY]! += 1;
      if (s[at + FAMILY_FIRST] === NONE || d < s[at + FAMILY_FIRST]!) s[at + FAMILY_FIRST] = d;
    }
    if (d > s[at + LAST_DATE]!) s[at + LAST_DATE] = d;
  }

  /** The rows as COPY text lines; `isoDay` names a day number (a cache shared by the two kinds). */
  *lines(isoDay: (d: number) => string): Generator<string> {
    const s = this.slab;
    const stride = KEYS + WIDTH;
    for (let g = 0; g < this.size; g++) {
      const at = g * stride;
      let line = "";
      for (let k = 0; k < KEYS; k++) {
        const v = s[at + k]!;
        line += `${v === NONE ? "\\N" : k === 5 ? isoDay(v) : v}\t`;
      }
      for (let c = 0; c < WIDTH; c++) {
        const v = s[at + KEYS + c]!;
        const date = c === FAMILY_FIRST || c === LAST_DATE;
        line += `${date ? (v === NONE ? "\\N" : isoDay(v)) : v}${c === WIDTH - 1 ? "\n" : "\t"}`;
      }
      yield line;
    }
  }
}
