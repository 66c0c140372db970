import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { praxis } from "../support/spawn.ts";

const dirs: string[] = [];
const tempDir = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), "praxis-cli-"));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

/** The CLI on the embedded database; the PostgreSQL project runs the scale-out test instead. */
describe.skipIf(process.env.PRAXIS_TEST_DB === "postgres")("praxis CLI", () => {
  it.each(["serve", "migrate", "user", "demo", "audit"])("prints help for %s", (cmd) => {
    const r = praxis([cmd, "--help"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`praxis ${cmd}`);
  });

  it("lists its commands and refuses unknown ones", () => {
    expect(praxis(["--help"]).stdout).toMatch(/serve.*\n.*migrate/s);
    const r = praxis(["frobnicate"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown command "frobnicate"');
  });

  it("creates the demo region, adds a user, and verifies the audit chain", () => {
    const dataDir = tempDir();
    const demo = praxis(["demo", "--data-dir", dataDir]);
    expect(demo.code, demo.stderr).toBe(0);
    expect(demo.stdout).toContain("password praxis-demo-login");
    expect(praxis(["demo", "--data-dir", dataDir]).stderr).toContain("already holds data");

    const add = praxis([
      "user",
      "add",
      "lecco.nurse",
      "--role",
      "clinician",
      "--site",
      "LECCO",
      "--data-dir",
      dataDir,
    ]);
    expect(add.code, add.stderr).toBe(0);
    expect(add.stdout).toMatch(/password: \S{12,}/);
    expect(praxis(["user", "add", "xx1", "--role", "clinician", "--data-dir", dataDir]).stderr).toContain(
      "needs a site",
    );
    expect(
      praxis(["user", "add", "xx2", "--role", "clinician", "--site", "NOPE", "--data-dir", dataDir]).stderr,
    ).toContain("no site with code NOPE");
    expect(
      praxis(["user", "add", "lecco.nurse", "--role", "viewer", "--data-dir", dataDir]).stderr,
    ).toContain("taken");

    const verify = praxis(["audit", "verify", "--data-dir", dataDir]);
    expect(verify.code).toBe(0);
    // the region, the registry and the user, plus every write of the demo's artefacts (planning
    // versions, rounds, reviews, courses, attendance, supervision), audited as through the API
    const entries = Number(/intact: (\d+) entries/.exec(verify.stdout)?.[1]);
    expect(entries, verify.stdout).toBeGreaterThan(3 + 500);
  }, 180_000);

  it("fails fast with one line when DATABASE_URL is unreachable", () => {
    const started = Date.now();
    const r = praxis(["migrate"], { DATABASE_URL: "postgres://praxis@127.0.0.1:1/none" });
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain("cannot connect to PostgreSQL at postgresql://praxis@127.0.0.1:1/none");
    expect(Date.now() - started).toBeLessThan(20_000);
  });
});
