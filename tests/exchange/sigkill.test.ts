import { spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PRAXIS } from "../support/spawn.ts";
import { type CliTarget, cliTarget, runPraxis } from "./cli-target.ts";
import { generateExtract } from "./generate.ts";
import { extract, snapshot, tempDir, writeExtract } from "./support.ts";

/**
 * An import killed with SIGKILL while it writes leaves the database exactly as before: every
 * table's row count and checksum are unchanged (the write is one transaction that never commits).
 */
let target: CliTarget;
beforeAll(async () => {
  target = await cliTarget();
});
afterAll(async () => {
  await target?.drop();
});

describe("exchange import killed midway", { timeout: 600_000 }, () => {
  it("leaves every table as it was", async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, PRAXIS_LOG: "0" };
    delete env.DATABASE_URL;
    const base = runPraxis(["import", writeExtract(extract()), "--create-programmes", ...target.args]);
    expect(base.code, base.stderr).toBe(0);
    const before = await withDatabase((db) => snapshot(db));

    const big = tempDir("praxis-big-");
    await generateExtract(big, { patients: 20_000, interventions: 300_000, programme: "PRG", prefix: "K" });
    const child = spawn(process.execPath, [PRAXIS, "import", big, ...target.args], {
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    const writing = new Promise<void>((resolve, reject) => {
      child.stderr.on("data", (d) => {
        stderr += d;
        if (stderr.includes("writing…")) resolve();
      });
      child.once("exit", () => reject(new Error(`the import ended before writing: ${stderr}`)));
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.once("exit", (_code, signal) => resolve(signal)),
    );
    await writing;
    // Into the write: on PostgreSQL the rows are staged and the merges start; on PGlite the
    // staging tables are loading. (Had it finished, the exit signal below would not be SIGKILL.)
    await new Promise((r) => setTimeout(r, process.env.PRAXIS_TEST_DB === "postgres" ? 300 : 1500));
    child.kill("SIGKILL");
    expect(await exited).toBe("SIGKILL");

    expect(await withDatabase((db) => snapshot(db))).toEqual(before);
    // And the database still works: the same import, run to the end, goes through.
    const again = runPraxis(["import", big, ...target.args]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/^interventions\.csv\s+300000\s+300000\s+0\s+0$/m);
  });
});

async function withDatabase<T>(fn: (db: Awaited<ReturnType<CliTarget["open"]>>) => Promise<T>): Promise<T> {
  const db = await target.open();
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}
