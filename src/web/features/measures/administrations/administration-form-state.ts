import { sentNumber } from "../../../app/ui/read-number.ts";
import type { AdministrationBody, InstrumentDetail, Respondent, Timepoint } from "../types.ts";
import type { Answers } from "./item-entry.tsx";

export type Entry = "items" | "total";

export interface AdministrationDraft {
  date: string | null;
  timepoint: Timepoint | null;
  respondent: Respondent | null;
  entry: Entry;
  answers: Answers;
  total: number | string;
}

/** Every item of the instrument, unanswered. */
export function blankAnswers(instrument: InstrumentDetail): Answers {
  return Object.fromEntries(instrument.items.map((i) => [i.id, null]));
}

/** What to score live: null while nothing is answered (or no total typed). */
export function scoreInputOf(d: AdministrationDraft): { items?: Answers; totalScore?: number } | null {
  if (d.entry === "total") return typeof d.total === "number" ? { totalScore: d.total } : null;
  return Object.values(d.answers).some((v) => v !== null) ? { items: d.answers } : null;
}

/**
 * The body the server records. Empty choices go as they are (`""`, null) so that the server names
 * the field; an empty total goes out as no total (the server then asks for one), and a total
 * typed as letters goes as typed, for the server to refuse beside the field — never as no total.
 */
export function bodyOf(instrument: string, d: AdministrationDraft): AdministrationBody {
  const base = {
    instrument,
    date: (d.date ?? "") as string,
    timepoint: (d.timepoint ?? "") as Timepoint,
    respondent: (d.respondent ?? "") as Respondent,
  };
  if (d.entry === "total")
    return d.total === "" ? base : { ...base, totalScore: sentNumber(d.total) as number };
  return { ...base, items: d.answers };
}
