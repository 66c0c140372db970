import { afterAll, describe, expect, it } from "vitest";
import { generateDemoRegistry } from "../../src/server/demo/registry/index.ts";
import { seedDemoRegion } from "../../src/server/demo/seed-region.ts";
import { SYSTEM } from "../../src/server/infra/audit/audit.ts";
import { type Database, openPGlite } from "../../src/server/infra/db/database.ts";
import { migrateToLatest } from "../../src/server/infra/db/migrate.ts";
import { checksums, REGISTRY_TABLES } from "./figures.ts";
import { demoDatabase, onPostgres, TEST_AS_OF } from "./support.ts";

/**
 * The same seed and day give byte-identical tables, whatever the writer or the engine; another
 * seed, or another day, does not.
 */
const open: Database[] = [];
afterAll(async () => {
  for (const d of open) await d.close();
});

async function registry(options: { seed: number; writer?: "copy" | "insert"; asOf?: string }) {
  const { database, db, summary } = await demoDatabase({ patients: 200, ...options });
  open.push(database);
  return { sums: await checksums(db), summary };
}

describe("the demo registry is deterministic", () => {
  it("gives identical checksums of every table for the same seed, and different ones for another seed", async () => {
    const a = await registry({ seed: 1 });
    const b = await registry({ seed: 1 });
    const c = await registry({ seed: 2 });
    const d = await registry({ seed: 1, asOf: "2026-06-16" });
    expect(Object.keys(a.sums)).toEqual(REGISTRY_TABLES.map(([t]) => t));
    expect(b.sums).toEqual(a.sums);
    for (const [table] of REGISTRY_TABLES) expect(c.sums[table], table).not.toEqual(a.sums[table]);
    // a day later the data run a day further
    expect(d.summary.cutoff).toBe("2026-06-15");
    expect(a.summary.cutoff).toBe("2026-06-14");
    expect(d.sums.interventions).not.toEqual(a.sums.interventions);
    expect(a.summary.interventions).toBeGreaterThan(10_000);
    // a second generation into the same database is refused, and changes nothing
    await expect(generateDemoRegistry(open[0]!.db, { seed: 1 })).rejects.toThrow("already holds data");
    expect(await checksums(open[0]!.db)).toEqual(a.sums);
  }, 180_000);

  it.runIf(onPostgres)(
    "writes the same rows with COPY and with inserts, and the same as PGlite",
    async () => {
      const copy = await registry({ seed: 5, writer: "copy" });
      const insert = await registry({ seed: 5, writer: "insert" });
      expect(copy.summary.writer).toBe("copy");
      expect(insert.summary.writer).toBe("insert");
      expect(insert.sums).toEqual(copy.sums);

      const lite = await openPGlite(undefined);
      open.push(lite);
      await migrateToLatest(lite.db);
      await seedDemoRegion(lite.db, SYSTEM, TEST_AS_OF);
      await generateDemoRegistry(lite.db, { patients: 200, seed: 5, asOf: TEST_AS_OF });
      expect(await checksums(lite.db)).toEqual(copy.sums);
    },
    180_000,
  );
});
