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
/** A FHIR export of a programme for 2024. */
const fhirExport = (dir: string, programme: string) =>
  run([
    "export",
    dir,
    "--programme",
    programme,
    "--format",
    "fhir",
    "--from",
    "2024-01-01",
    "--to",
    "2024-12-31",
  ]);

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

  it("exports a programme for a period as FHIR R4 NDJSON, one file per resource type", () => {
    const dir = path.join(tempDir(), "fhir");
    const r = fhirExport(dir, "PRG");
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Patient\s+3$/m);
    expect(r.stdout).toMatch(/^Procedure\s+4$/m);
    expect(r.stdout).toMatch(/^\d+ resources exported to .* in \d+\.\d s$/m);
    const patients = fs
      .readFileSync(path.join(dir, "Patient.ndjson"), "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(patients.map((p) => p.identifier[0].value).sort()).toEqual(["P1", "P2", "P3"]);
    expect(fs.readdirSync(dir)).toContain("MeasureReport.ndjson");
  });

  it.each([
    [["--to", "2024-12-31"], "--from: is required (YYYY-MM-DD)"],
    [["--from", "", "--to", "2024-12-31"], "--from: is required (YYYY-MM-DD)"],
    [["--from", "2024-06-01", "--to", "2024-05-31"], "--to: 2024-05-31 is before the start 2024-06-01"],
    [["--from", "2024-02-30", "--to", "2024-05-31"], '--from: "2024-02-30" is not a date on the calendar'],
  ])("refuses a FHIR export for the period %j: exit 2, nothing written", (period, message) => {
    const dir = path.join(tempDir(), "refused");
    const r = run(["export", dir, "--programme", "PRG", "--format", "fhir", ...period]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(fs.existsSync(dir)).toBe(false);
  });

  it("refuses a FHIR export of an unknown programme and an unknown format, writing nothing", () => {
    const dir = path.join(tempDir(), "refused");
    const unknown = fhirExport(dir, "NOPE");
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toContain("no programme with code NOPE");
    const format = run(["export", dir, "--programme", "PRG", "--format", "xml"]);
    expect(format.code).toBe(2);
    expect(format.stderr).toContain('--format: csv or fhir, not "xml"');
    expect(fs.existsSync(dir)).toBe(false);
  });
});
