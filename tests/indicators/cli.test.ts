import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CATALOGUE_IDS } from "../../src/server/indicators/catalogue.ts";
import { openPGlite } from "../../src/server/infra/db/database.ts";
import { migrateToLatest } from "../../src/server/infra/db/migrate.ts";
import { today as regionToday } from "../../src/server/infra/time/civil-date.ts";
import { praxis } from "../support/spawn.ts";
import { buildEdgeFixture, R } from "./edge-fixture.ts";

/** `praxis indicators` on the embedded database holding the edge fixture (edge-fixture.ts). */
describe.skipIf(process.env.PRAXIS_TEST_DB === "postgres")("praxis indicators", () => {
  let dataDir: string;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "praxis-indicators-"));
    const database = await openPGlite(dataDir);
    await migrateToLatest(database.db);
    await buildEdgeFixture(database.db);
    await database.close();
  }, 120_000);
  afterAll(() => {
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  /** `praxis indicators` of programme P as of R, in a format. */
  const indicatorsAsOfR = (format: string) =>
    praxis(["indicators", "--programme", "P", "--as-of", R, "--format", format, "--data-dir", dataDir]);

  it("prints the whole catalogue as JSON in the contract's shape and order", () => {
    const r = indicatorsAsOfR("json");
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(["programme", "asOf", "indicators"]);
    expect(out.programme).toBe("P");
    expect(out.asOf).toBe(R);
    const sites = ["A", "B", "C", "D", "E", null];
    expect(out.indicators).toHaveLength(CATALOGUE_IDS.length * sites.length);
    expect(out.indicators.map((x: { id: string; site: string | null }) => [x.id, x.site])).toEqual(
      CATALOGUE_IDS.flatMap((id) => sites.map((s) => [id, s])),
    );
    for (const rec of out.indicators) {
      expect(Object.keys(rec)).toEqual(["id", "site", "numerator", "denominator", "value"]);
    }
    const find = (id: string, site: string | null) =>
      out.indicators.find((x: { id: string; site: string | null }) => x.id === id && x.site === site);
    // Full precision, not rounded: new_to_service at A is 2/3.
    expect(find("new_to_service", "A")).toEqual({
      id: "new_to_service",
      site: "A",
      numerator: 2,
      denominator: 3,
      value: 0.6666666666666666,
    });
    expect(find("enrolled", null)).toEqual({
      id: "enrolled",
      site: null,
      numerator: 8,
      denominator: null,
      value: 8,
    });
    expect(find("psychosocial_per_patient", "A")).toEqual({
      id: "psychosocial_per_patient",
      site: "A",
      numerator: null,
      denominator: null,
      value: 1.5,
    });
    expect(find("age_in_band", "C")).toMatchObject({ numerator: 0, denominator: 0, value: null });
  }, 60_000);

  it("prints CSV with a header and empty cells for null", () => {
    const r = indicatorsAsOfR("csv");
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines[0]).toBe("id,site,numerator,denominator,value");
    expect(lines).toHaveLength(1 + CATALOGUE_IDS.length * 6);
    expect(lines).toContain("enrolled,,8,,8");
    expect(lines).toContain("new_to_service,A,2,3,0.6666666666666666");
    expect(lines).toContain("age_in_band,C,0,0,");
  }, 60_000);

  it("defaults --as-of to today and explains bad arguments", () => {
    const today = praxis(["indicators", "--programme", "P", "--data-dir", dataDir]);
    expect(today.code, today.stderr).toBe(0);
    expect(JSON.parse(today.stdout).asOf).toBe(regionToday());

    const unknown = praxis(["indicators", "--programme", "NOPE", "--data-dir", dataDir]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("no programme with code NOPE");
    const badDate = praxis([
      "indicators",
      "--programme",
      "P",
      "--as-of",
      "2024-02-30",
      "--data-dir",
      dataDir,
    ]);
    expect(badDate.code).toBe(2);
    expect(badDate.stderr).toContain("--as-of");
    const badFormat = praxis(["indicators", "--programme", "P", "--format", "xml", "--data-dir", dataDir]);
    expect(badFormat.code).toBe(2);
    expect(praxis(["indicators", "--data-dir", dataDir]).stderr).toContain("--programme CODE is required");
    expect(praxis(["indicators", "--help"]).stdout).toContain("praxis indicators");
  }, 120_000);
});
