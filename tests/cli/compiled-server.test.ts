import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
// @ts-expect-error plain JavaScript module shared with bin/praxis.mjs (no type declarations)
import { buildState, fingerprint } from "../../scripts/server-build.mjs";
import { praxis } from "../support/spawn.ts";

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

/**
 * A miniature checkout: bin/praxis.mjs and scripts/server-build.mjs as they are, a "source"
 * main.ts and a "compiled" main.js that say which one ran, and the real node_modules (for tsx).
 */
function miniCheckout() {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "praxis-build-"));
  dirs.push(root);
  for (const f of ["bin/praxis.mjs", "scripts/server-build.mjs"]) {
    fs.mkdirSync(path.join(root, path.dirname(f)), { recursive: true });
    fs.copyFileSync(path.resolve(f), path.join(root, f));
  }
  fs.symlinkSync(path.resolve("node_modules"), path.join(root, "node_modules"));
  fs.writeFileSync(path.join(root, "package.json"), '{"type":"module"}');
  fs.mkdirSync(path.join(root, "src/cli"), { recursive: true });
  const source = "src/cli/main.ts";
  fs.writeFileSync(
    path.join(root, source),
    'export async function main(args: string[]): Promise<number> { console.log("source", args.join(" ")); return 0; }\n',
  );
  fs.mkdirSync(path.join(root, "dist/server"), { recursive: true });
  fs.writeFileSync(
    path.join(root, "dist/server/main.js"),
    'export async function main(args) { console.log("build", args.join(" ")); return 0; }\n',
  );
  const writeInfo = () =>
    fs.writeFileSync(
      path.join(root, "dist/server/build-info.json"),
      JSON.stringify({ sources: [source], fingerprint: fingerprint(root, [source]) }),
    );
  writeInfo();
  const run = (env: Record<string, string> = {}) => {
    const r = spawnSync(process.execPath, [path.join(root, "bin/praxis.mjs"), "x", "y"], {
      encoding: "utf8",
      env: { ...process.env, PRAXIS_FROM_SOURCE: "", ...env },
    });
    return { code: r.status, stdout: r.stdout.trim(), stderr: r.stderr.trim() };
  };
  return { root, source, run, writeInfo };
}

describe("bin/praxis chooses the compiled server only when it matches the sources", () => {
  it("runs a current build", () => {
    const m = miniCheckout();
    expect(buildState(m.root).state).toBe("current");
    expect(m.run()).toEqual({ code: 0, stdout: "build x y", stderr: "" });
  });

  it("after the sources change (a pull, an edit), runs the sources and says why", () => {
    const m = miniCheckout();
    fs.appendFileSync(path.join(m.root, m.source), "// changed\n");
    expect(buildState(m.root).state).toBe("stale");
    const r = m.run();
    expect(r.stdout).toBe("source x y");
    expect(r.stderr).toContain("dist/server was built from other sources");
    m.writeInfo(); // rebuilt
    expect(m.run().stdout).toBe("build x y");
  });

  it("runs the sources when a source the build used is gone, or there is no build", () => {
    const m = miniCheckout();
    fs.writeFileSync(
      path.join(m.root, "dist/server/build-info.json"),
      JSON.stringify({ sources: [m.source, "src/gone.ts"], fingerprint: "x" }),
    );
    expect(buildState(m.root).state).toBe("stale");
    expect(m.run().stdout).toBe("source x y");
    fs.rmSync(path.join(m.root, "dist"), { recursive: true });
    expect(buildState(m.root).state).toBe("absent");
    expect(m.run()).toEqual({ code: 0, stdout: "source x y", stderr: "" });
  });

  it("PRAXIS_FROM_SOURCE=1 runs the sources whatever the build", () => {
    const m = miniCheckout();
    expect(m.run({ PRAXIS_FROM_SOURCE: "1" })).toEqual({ code: 0, stdout: "source x y", stderr: "" });
  });
});

describe.skipIf(process.env.PRAXIS_TEST_DB === "postgres")("the real build", () => {
  it("builds the server, which then answers the CLI", () => {
    const built = spawnSync(process.execPath, ["scripts/build-server.mjs"], { encoding: "utf8" });
    expect(built.status, built.stderr).toBe(0);
    expect(buildState(path.resolve(".")).state).toBe("current");
    const help = praxis(["--help"]);
    expect(help.code).toBe(0);
    expect(help.stderr).toBe("");
    expect(help.stdout).toMatch(/serve.*\n.*migrate/s);
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "praxis-build-db-"));
    dirs.push(dataDir);
    const migrate = praxis(["migrate", "--data-dir", dataDir]);
    expect(migrate.code, migrate.stderr).toBe(0);
  }, 120_000);
});
