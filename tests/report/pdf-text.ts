import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/** The text of a PDF as poppler's pdftotext lays it out (poppler-utils; .ci/run installs it). */
export function pdfText(pdf: Buffer | string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "praxis-pdf-"));
  try {
    const file = typeof pdf === "string" ? pdf : path.join(dir, "report.pdf");
    if (typeof pdf !== "string") fs.writeFileSync(file, pdf);
    const r = spawnSync("pdftotext", ["-layout", "-enc", "UTF-8", file, "-"], { encoding: "utf8" });
    if (r.status !== 0) throw new Error(`pdftotext: ${r.error?.message ?? r.stderr}`);
    return r.stdout;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const percent = new Intl.NumberFormat("en-GB", { style: "percent", maximumFractionDigits: 1 });

/** How the English report writes an indicator record: a ratio "p% (n/d)", a count, "<5" withheld. */
export function written(
  kind: string,
  r: { numerator: number | null; denominator: number | null; value: number | null; suppressed: boolean },
) {
  if (r.suppressed) return "<5";
  if (kind === "ratio")
    return r.denominator ? `${percent.format(r.value!)} (${r.numerator}/${r.denominator})` : "–";
  return r.value === null ? "–" : String(r.value);
}
