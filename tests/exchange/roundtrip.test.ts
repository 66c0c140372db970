import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportToDirectory } from "../../src/server/exchange/export.ts";
import { SYSTEM } from "../../src/server/infra/audit/audit.ts";
import type { Database } from "../../src/server/infra/db/database.ts";
import { openTestDatabase } from "../support/test-db.ts";
import { BASE, csv, extract, importDir, tempDir, withRows, writeExtract } from "./support.ts";

/**
 * import → export → import: the export of an import is the same data, as the same bytes
 * (the base extract is written the way export writes: sorted by code, quotes only where needed),
 * and importing it — again, or into an empty database — changes nothing.
 */
let first: Database;
let second: Database;
beforeAll(async () => {
  first = await openTestDatabase();
  second = await openTestDatabase();
});
afterAll(async () => {
  await first?.close();
  await second?.close();
});

/** The base extract with values that need quoting, a line break inside a value, and accents. */
const source = extract({
  "sites.csv": withRows("sites.csv", ["X3", '"Site ""Three""\nNorth wing"', "AR2", "Località Sèveso"]),
  "patients.csv": withRows("patients.csv", ["P4", "1990", "U", "CO-7", ""]),
  "enrolments.csv": withRows("enrolments.csv", [
    "E4",
    "P4",
    "PRG",
    "X3",
    "2024-04-01",
    "2024-04-01",
    "other",
    "F43.1",
    "",
    "CM3",
    "other",
  ]),
});

const read = (dir: string) =>
  Object.fromEntries(
    fs
      .readdirSync(dir)
      .sort()
      .map((f) => [f, fs.readFileSync(path.join(dir, f), "utf8")]),
  );

async function exportOf(database: Database): Promise<string> {
  const dir = tempDir("praxis-export-");
  const programme = await database.db
    .selectFrom("programmes")
    .select(["id", "code"])
    .where("code", "=", "PRG")
    .executeTakeFirstOrThrow();
  await exportToDirectory(database.db, programme, dir, SYSTEM);
  return dir;
}

describe("exchange round trip", () => {
  it("exports what it imported, byte for byte", async () => {
    const r = await importDir(first, writeExtract(source), { createProgrammes: true });
    expect(r.problems).toEqual([]);
    const exported = read(await exportOf(first));
    expect(exported).toEqual(Object.fromEntries(Object.entries(source).sort(([a], [b]) => (a < b ? -1 : 1))));
  });

  it("writes UTF-8 without BOM, LF line ends, quotes only where needed", async () => {
    const dir = await exportOf(first);
    const bytes = fs.readFileSync(path.join(dir, "sites.csv"));
    expect(bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(false);
    const text = bytes.toString("utf8");
    expect(text).not.toContain("\r");
    expect(text).toContain('X2,"Site Two, East",AR1,Area One\n');
    expect(text).toContain('X3,"Site ""Three""\nNorth wing",AR2,Località Sèveso\n');
    expect(fs.readFileSync(path.join(dir, "patients.csv"), "utf8")).toContain("P2,2001,M,,\n");
  });

  it("re-imports its own export as all unchanged", async () => {
    const r = await importDir(first, await exportOf(first));
    for (const [file, counts] of Object.entries(r.counts)) {
      expect(counts, file).toEqual({ rows: counts.rows, inserted: 0, updated: 0, unchanged: counts.rows });
    }
    expect(r.counts["sites.csv"]!.rows).toBe(3);
  });

  it("imports the export into an empty database and exports the same files again", async () => {
    const exported = await exportOf(first);
    const r = await importDir(second, exported, { createProgrammes: true });
    expect(r.problems).toEqual([]);
    expect(read(await exportOf(second))).toEqual(read(exported));
  });

  it("exports only the programme's patients, and everything recorded for them", async () => {
    const other = {
      "sites.csv": csv([BASE["sites.csv"]![0]!]),
      "patients.csv": csv([BASE["patients.csv"]![0]!, ["Q1", "1980", "F", "", ""]]),
      "enrolments.csv": csv([
        BASE["enrolments.csv"]![0]!,
        ["F1", "Q1", "OTHER", "X1", "2024-01-01", "", "", "", "", "", ""],
      ]),
      "interventions.csv": csv([
        BASE["interventions.csv"]![0]!,
        ["J1", "Q1", "X1", "2024-01-02", "nursing", "individual", "patient", "", "", "", "", ""],
        ["J2", "P1", "X1", "2024-05-02", "nursing", "individual", "patient", "", "", "", "", ""],
      ]),
    };
    const r = await importDir(first, writeExtract(other), { createProgrammes: true });
    expect(r.problems).toEqual([]);
    const exported = read(await exportOf(first));
    expect(exported["patients.csv"]).not.toContain("Q1");
    expect(exported["enrolments.csv"]).not.toContain("F1");
    expect(exported["interventions.csv"]).not.toContain("J1");
    expect(exported["interventions.csv"]).toContain("J2,P1,X1,2024-05-02,nursing");
  });
});
