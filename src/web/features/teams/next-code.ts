/**
 * A professional code that is free at the site and follows its pattern, for the hint of the code
 * field: the site's most used prefix ("LECCO-P") with the number after its highest, as wide as
 * theirs ("LECCO-P13" after "LECCO-P12"); a site without codes yet starts at `SITE-P01`.
 */
export function nextProfessionalCode(siteCode: string | undefined, codes: readonly string[]): string {
  const byPrefix = new Map<string, { count: number; max: number; width: number }>();
  for (const code of codes) {
    const m = /^(.*\D)(\d+)$/.exec(code);
    if (!m) continue;
    const [, prefix, digits] = m as unknown as [string, string, string];
    const seen = byPrefix.get(prefix) ?? { count: 0, max: 0, width: 0 };
    byPrefix.set(prefix, {
      count: seen.count + 1,
      max: Math.max(seen.max, Number(digits)),
      width: Math.max(seen.width, digits.length),
    });
  }
  const taken = new Set(codes.map((c) => c.toUpperCase()));
  const [prefix, pattern] = [...byPrefix.entries()].sort(
    ([a, x], [b, y]) => y.count - x.count || a.localeCompare(b),
  )[0] ?? [siteCode ? `${siteCode}-P` : "P", { count: 0, max: 0, width: 2 }];
  for (let n = pattern.max + 1; ; n++) {
    const code = `${prefix}${String(n).padStart(pattern.width, "0")}`;
    if (!taken.has(code.toUpperCase())) return code;
  }
}
