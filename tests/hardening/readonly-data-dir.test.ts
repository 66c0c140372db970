import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { PRAXIS, praxis } from "../support/spawn.ts";

/**
 * Issue 14, defect 11: PGlite on a read-only data directory failed with a stack trace. Root
 * ignores permission bits, so as root the CLI runs as `nobody` (setpriv).
 */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "praxis-ro-"));
afterAll(() => {
  spawnSync("chmod", ["-R", "u+w", dir]);
  fs.rmSync(dir, { recursive: true, force: true });
});

const asRoot = process.getuid?.() === 0;
const hasSetpriv = fs.existsSync("/usr/bin/setpriv");

function praxisAsUnprivileged(args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, PRAXIS_LOG: "0", HOME: os.tmpdir() };
  delete env.DATABASE_URL;
  const command = asRoot
    ? [
        "/usr/bin/setpriv",
        "--reuid=65534",
        "--regid=65534",
        "--clear-groups",
        process.execPath,
        PRAXIS,
        ...args,
      ]
    : [process.execPath, PRAXIS, ...args];
  const r = spawnSync(command[0]!, command.slice(1), { env, encoding: "utf8", timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe.skipIf(process.env.PRAXIS_TEST_DB === "postgres" || (asRoot && !hasSetpriv))(
  "the embedded database on a read-only directory",
  () => {
    it("praxis serve / migrate stop with one clear line, not a stack trace", () => {
      const dataDir = path.join(dir, "data");
      expect(praxis(["migrate", "--data-dir", dataDir]).code).toBe(0);
      fs.chmodSync(dir, 0o755);
      spawnSync("chmod", ["-R", "a-w,a+rX", dataDir]);
      for (const args of [
        ["migrate", "--data-dir", dataDir],
        ["serve", "--no-demo", "--port", "18999", "--data-dir", dataDir],
      ]) {
        const r = praxisAsUnprivileged(args);
        expect(r.code, r.stderr).toBe(1);
        expect(r.stderr).toMatch(/cannot write to .*data.*\((EACCES|EROFS)/);
        expect(r.stderr).toContain("PRAXIS_DATA_DIR");
        expect(r.stderr).not.toMatch(/\n\s+at /);
      }
    }, 120_000);
  },
);
