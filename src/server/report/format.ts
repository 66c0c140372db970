import type { ReportLanguage } from "./request.ts";

const LOCALE: Record<ReportLanguage, string> = { en: "en-GB", it: "it-IT" };

/** Numbers, shares and days as the report writes them in a language; null (withheld) as “<5”. */
export function formatter(lang: ReportLanguage) {
  const whole = new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits: 0 });
  const decimal = new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits: 1 });
  const percent = new Intl.NumberFormat(LOCALE[lang], { style: "percent", maximumFractionDigits: 1 });
  const withheld = "<5";
  return {
    /** A count. */
    n: (v: number | null | undefined) => (v === null || v === undefined ? withheld : whole.format(v)),
    /** A median or a score. */
    d: (v: number | null | undefined) => (v === null || v === undefined ? "–" : decimal.format(v)),
    /** A share 0–1 as a percentage. */
    pct: (v: number | null | undefined) => (v === null || v === undefined ? "–" : percent.format(v)),
    /** A ratio's share with its numerator and denominator: "68.2% (45/66)". */
    ratio: (c: {
      numerator: number | null;
      denominator: number | null;
      value: number | null;
      suppressed: boolean;
    }) =>
      c.suppressed
        ? withheld
        : c.denominator === 0 || c.value === null
          ? "–"
          : `${percent.format(c.value)} (${whole.format(c.numerator ?? 0)}/${whole.format(c.denominator ?? 0)})`,
    /** A civil date YYYY-MM-DD, as written in the language. */
    day: (iso: string) => {
      const [y, m, d] = iso.split("-");
      return lang === "it" ? `${d}/${m}/${y}` : iso;
    },
  };
}

export type Formatter = ReturnType<typeof formatter>;
