import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { praxis } from "../support/spawn.ts";
import { type CliTarget, cliTarget } from "./cli-target.ts";
import { BASE, extract, tempDir, withCell, withRows, writeExtract } from "./support.ts";

/** `praxis import` and `praxis export` as an operator runs them: exit codes, summary, report. */
let target: CliTarget;
beforeAll(async () => {
  target = await cliTarget();
});
afterAll(async () => {
  await target?.drop();
});

const env = { DATABASE_URL: undefined };
const run = (args: string[]) => {
  const r = praxis([...args, ...target.args], env);
  return { ...r, stdout: r.stdout ?? "", stderr: r.stderr ?? "" };
};

describe("praxis import / export", { timeout: 180_000 }, () => {
  it("explains itself", () => {
    for (const cmd of ["import", "export"]) {
      const r = praxis([cmd, "--help"], env);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain(`praxis ${cmd} DIR`);
    }
    expect(praxis(["import"], env).code).toBe(2);
    expect(praxis(["export", "somewhere"], env).code).toBe(2);
  });

  it("imports a directory: exit 0 and a summary per file", () => {
    const r = run(["import", writeExtract(extract()), "--create-programmes"]);
    expect(r.code, r.stderr + r.stdout).toBe(0);
    expect(r.stdout).toMatch(/^file\s+rows\s+inserted\s+updated\s+unchanged$/m);
    expect(r.stdout).toMatch(/^interventions\.csv\s+4\s+4\s+0\s+0$/m);
    expect(r.stdout).toMatch(/^21 rows in \d+\.\d s \(\d+ rows\/s\)$/m);
    expect(r.stderr).toContain("writing…");
  });

  it("reports a second import of the same directory as all unchanged", () => {
    const r = run(["import", writeExtract(extract())]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^treatment_plans\.csv\s+2\s+0\s+0\s+2$/m);
    expect(r.stdout).toMatch(/^sites\.csv\s+2\s+0\s+0\s+2$/m);
  });

  it("rejects an invalid directory: exit 1, every problem sorted by file then line, nothing written", () => {
    const dir = writeExtract(
      extract({
        "patients.csv": withRows("patients.csv", ["P9", "19x0", "F", "", ""]),
        "assessments.csv": withCell("assessments.csv", 1, "total_score", "99"),
        "interventions.csv": withCell("interventions.csv", 4, "date", "2024-02-30"),
      }),
    );
    const r = run(["import", dir]);
    expect(r.code).toBe(1);
    expect(r.stdout.trim().split("\n")).toEqual([
      "assessments.csv:2: total_score: 99 is out of range 0–36",
      "interventions.csv:5: date: 2024-02-30 is not a date on the calendar",
      'patients.csv:5: birth_year: not a whole number: "19x0" (plain digits only)',
    ]);
    expect(r.stderr).toContain("praxis import: rejected: 3 problems; nothing was written");
  });

  it("does everything but commit on --dry-run", () => {
    const dir = writeExtract(
      extract({ "patients.csv": withRows("patients.csv", ["P5", "1980", "F", "", ""]) }),
    );
    const dry = run(["import", dir, "--dry-run"]);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toMatch(/^patients\.csv\s+4\s+1\s+0\s+3$/m);
    expect(dry.stdout).toContain("dry run: nothing was written");
    // Still new: the dry run wrote nothing.
    expect(run(["import", dir, "--dry-run"]).stdout).toMatch(/^patients\.csv\s+4\s+1\s+0\s+3$/m);
  });

  it("exports a programme in the format it imports", () => {
    const dir = path.join(tempDir(), "out");
    const r = run(["export", dir, "--programme", "PRG"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^21 rows exported to .* in \d+\.\d s$/m);
    for (const [file, rows] of Object.entries(BASE)) {
      expect(fs.readFileSync(path.join(dir, file), "utf8"), file).toBe(
        `${rows.map((row) => row.join(",")).join("\n")}\n`,
      );
    }
    expect(run(["export", dir, "--programme", "NOPE"]).stderr).toContain("no programme with code NOPE");
  });
});
