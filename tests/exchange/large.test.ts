import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ValidationContext } from "../../src/server/exchange/context.ts";
import { listImportFiles } from "../../src/server/exchange/import.ts";
import { validateImport } from "../../src/server/exchange/validate.ts";
import { generateExtract } from "./generate.ts";
import { tempDir } from "./support.ts";

/**
 * Memory stays flat whatever the file size: a generated interventions file streams through the
 * validator (every rule, uniqueness of a million codes, references) while the process stays
 * under 500 MB. ~100 MB by default; ~1 GB with PRAXIS_BIG_TESTS=1 (slow).
 */
const BIG = process.env.PRAXIS_BIG_TESTS === "1";
const LIMIT = 500 * 1024 * 1024;

async function validateWithPeak(interventions: number) {
  const dir = tempDir("praxis-large-");
  await generateExtract(dir, { patients: 50_000, interventions });
  const bytes = fs.statSync(path.join(dir, "interventions.csv")).size;
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  try {
    const ctx = new ValidationContext({ createProgrammes: true, ignoreUnknownColumns: false }, null);
    const v = await validateImport(listImportFiles(dir), ctx);
    peak = Math.max(peak, process.memoryUsage().rss);
    return { v, bytes, peak };
  } finally {
    clearInterval(sampler);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe("exchange: large files", () => {
  it.skipIf(BIG)(
    "validates a ~100 MB interventions file in bounded memory",
    { timeout: 600_000 },
    async () => {
      const { v, bytes, peak } = await validateWithPeak(1_150_000);
      console.log(`~100 MB: ${bytes} bytes validated, peak RSS ${Math.round(peak / 1e6)} MB`);
      expect(bytes).toBeGreaterThan(100e6);
      expect(v.problems.size).toBe(0);
      expect(v.rows.get("interventions.csv")).toBe(1_150_000);
      expect(peak).toBeLessThan(LIMIT);
    },
  );

  it.runIf(BIG)(
    "validates a ~1 GB interventions file in bounded memory",
    { timeout: 3_600_000 },
    async () => {
      const { v, bytes, peak } = await validateWithPeak(11_500_000);
      console.log(`~1 GB: ${bytes} bytes validated, peak RSS ${Math.round(peak / 1e6)} MB`);
      expect(bytes).toBeGreaterThan(1e9);
      expect(v.problems.size).toBe(0);
      expect(v.rows.get("interventions.csv")).toBe(11_500_000);
      expect(peak).toBeLessThan(LIMIT);
    },
  );
});
