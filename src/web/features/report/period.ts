/** The report's default period: the twelve months ending on `asOf` (YYYY-MM-DD), both days included. */
export function lastTwelveMonths(asOf: string): { from: string; to: string } {
  const [y, m, d] = asOf.split("-").map(Number) as [number, number, number];
  const start = new Date(Date.UTC(y - 1, m - 1, d));
  start.setUTCDate(start.getUTCDate() + 1);
  return { from: start.toISOString().slice(0, 10), to: asOf };
}

/** The API address of the report of a programme over a period, in a language and a format. */
export function reportUrl(
  programmeId: number,
  period: { from: string; to: string },
  lang: string,
  format: "pdf" | "html",
): string {
  const q = new URLSearchParams({ from: period.from, to: period.to, lang, format });
  return `/api/programmes/${programmeId}/report?${q}`;
}
