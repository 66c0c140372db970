import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pdfText } from "../report/pdf-text.ts";
import { praxis } from "../support/spawn.ts";

let dir: string;
let data: string;
const period = "2025-01-01..2026-06-30";

/** `praxis report` of BPD-LOM for the period, into `out`, with any further options. */
const reportOf = (out: string, extra: string[] = [], env?: Record<string, string>) =>
  praxis(
    ["report", "--data-dir", data, "--programme", "BPD-LOM", "--period", period, ...extra, "--out", out],
    env,
  );

/** `praxis report` on a small demo region in the embedded database. */
describe.skipIf(process.env.PRAXIS_TEST_DB === "postgres")("praxis report", () => {
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "praxis-report-"));
    data = path.join(dir, "data");
    const demo = praxis(["demo", "--data-dir", data, "--patients", "60", "--as-of", "2026-07-01"]);
    expect(demo.code, demo.stderr).toBe(0);
  }, 120_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("writes a PDF whose enrolment figures are those of praxis indicators", () => {
    const out = path.join(dir, "bpd.pdf");
    const r = reportOf(out);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`PDF report of BPD-LOM, ${period}`);
    const indicators = praxis([
      "indicators",
      "--data-dir",
      data,
      "--programme",
      "BPD-LOM",
      "--as-of",
      "2026-06-30",
    ]);
    const records = JSON.parse(indicators.stdout).indicators as Array<{
      id: string;
      site: string | null;
      value: number;
    }>;
    const enrolled = records.find((x) => x.id === "enrolled" && x.site === null)!.value;
    const text = pdfText(out);
    expect(text).toContain(`${enrolled} patients enrolled up to 2026-06-30`);
    const atTarget = records.find((x) => x.id === "enrolment_target_met" && x.site === null)!.value;
    expect(text.replace(/\s+/g, " ")).toContain(`${atTarget} sites have reached their own target`);
  }, 240_000);

  it("writes HTML in Italian", () => {
    const out = path.join(dir, "bpd.html");
    const r = reportOf(out, ["--lang", "it"]);
    expect(r.code, r.stderr).toBe(0);
    const html = fs.readFileSync(out, "utf8");
    expect(html).toContain("Rapporto di monitoraggio");
    expect(html).toContain("<svg ");
  }, 240_000);

  it.each([
    [["--programme", "NOPE", "--period", period], "--programme: no programme with code NOPE"],
    [["--programme", "BPD-LOM", "--period", ""], "--period: a period FROM..TO is required"],
    [["--programme", "BPD-LOM"], "--period: a period FROM..TO is required"],
    [
      ["--programme", "BPD-LOM", "--period", "2026-06-30..2025-01-01"],
      "--period: the period ends (2025-01-01) before it starts (2026-06-30)",
    ],
    [
      ["--programme", "BPD-LOM", "--period", period, "--lang", "fr"],
      '--lang: the report has no translation in "fr" (available: en, it)',
    ],
  ])("refuses %j and writes nothing", (args, message) => {
    const out = path.join(dir, "refused.pdf");
    const r = praxis(["report", "--data-dir", data, ...args, "--out", out]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(`praxis report: ${message}`);
    expect(fs.existsSync(out)).toBe(false);
  });

  it("says clearly when Chromium is missing, and writes nothing", () => {
    const out = path.join(dir, "no-chromium.pdf");
    const r = reportOf(out, [], { PRAXIS_CHROMIUM: "/nonexistent/chromium" });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain("Chromium, not found at /nonexistent/chromium");
    expect(r.stderr).toContain("the HTML report needs nothing more");
    expect(fs.existsSync(out)).toBe(false);
  });
});
