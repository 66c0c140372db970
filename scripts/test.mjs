#!/usr/bin/env node
// `npm test`: everything CI checks, in the order that fails fastest — lint, types, the web and server builds,
// then every Vitest project (API on PGlite; on PostgreSQL too when DATABASE_URL is set; browser).
// Ends with one plain line "N passed, N failed" for machines that read the summary.
import { spawnSync } from "node:child_process";
import fs from "node:fs";

const run = (label, cmd, args, env = {}) => {
  console.log(`\n▶ ${label}`);
  const r = spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, ...env } });
  return r.status ?? 1;
};

const steps = [
  ["lint (biome)", "npx", ["biome", "check", "."]],
  ["type check (tsc)", "npx", ["tsc", "-p", "tsconfig.json", "--noEmit"]],
  ["web build (vite)", "npx", ["vite", "build", "--logLevel", "warn"]],
  // the CLI and browser tests spawn bin/praxis, which runs this build (it matches the sources)
  ["server build (esbuild)", "node", ["scripts/build-server.mjs"]],
];
for (const [label, cmd, args] of steps) {
  const status = run(label, cmd, args);
  if (status !== 0) {
    console.log(`\n${label} failed`);
    console.log("Tests: 0 passed, 1 failed");
    process.exit(status);
  }
}

fs.mkdirSync(".tmp", { recursive: true });
const report = ".tmp/vitest-report.json";
fs.rmSync(report, { force: true });
const status = run(
  `tests (vitest: API on PGlite${process.env.DATABASE_URL ? " and PostgreSQL" : ""}, browser)`,
  "npx",
  ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${report}`],
);
let passed = 0;
let failed = status === 0 ? 0 : 1;
if (fs.existsSync(report)) {
  const r = JSON.parse(fs.readFileSync(report, "utf8"));
  passed = r.numPassedTests;
  // a file that failed without a failed test (it did not load) counts once; numFailedTestSuites would
  // also count every describe block around a failed test (one failed test read as three)
  const unloaded = (r.testResults ?? []).filter(
    (f) => f.status === "failed" && !f.assertionResults.some((a) => a.status === "failed"),
  ).length;
  failed = r.numFailedTests + unloaded;
  if (status !== 0 && failed === 0) failed = 1;
}
console.log(`\nTests: ${passed} passed, ${failed} failed`);
process.exit(status);
