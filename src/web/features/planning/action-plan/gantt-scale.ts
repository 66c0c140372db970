import { fromDay, toDay } from "./plan-model.ts";

/** The time axis of the timeline: the days it spans, pixels per day, and the month ticks. */
export interface GanttScale {
  first: number;
  days: number;
  pxPerDay: number;
  width: number;
  x: (iso: string) => number;
  months: Array<{ iso: string; x: number; width: number }>;
}

export function ganttScale(dates: string[], today: string, minWidth = 900): GanttScale {
  const all = [...dates, today].map(toDay);
  // From the start of the first month to the end of the last, with a week either side.
  const first = toDay(`${fromDay(Math.min(...all) - 7).slice(0, 7)}-01`);
  const lastMonth = fromDay(Math.max(...all) + 7).slice(0, 7);
  const [y, m] = lastMonth.split("-").map(Number) as [number, number];
  const end = toDay(m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, "0")}-01`);
  const days = end - first;
  const pxPerDay = Math.max(3, minWidth / days);
  const x = (iso: string) => (toDay(iso) - first) * pxPerDay;
  const months: GanttScale["months"] = [];
  for (let d = first; d < end; ) {
    const iso = fromDay(d);
    const [yy, mm] = iso.split("-").map(Number) as [number, number];
    const next = toDay(mm === 12 ? `${yy + 1}-01-01` : `${yy}-${String(mm + 1).padStart(2, "0")}-01`);
    months.push({ iso, x: (d - first) * pxPerDay, width: (next - d) * pxPerDay });
    d = next;
  }
  return { first, days, pxPerDay, width: days * pxPerDay, x, months };
}
