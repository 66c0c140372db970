#!/usr/bin/env node
// The `praxis` command. Runs the compiled server (dist/server, written by `npm run build:server`,
// which `npm start` runs) when it was built from exactly the sources on disk; otherwise — no
// build, or a stale one after a pull or an edit — the TypeScript sources through tsx, and says
// so when a stale build was passed over. PRAXIS_FROM_SOURCE=1 always runs the sources.
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { buildState } from "../scripts/server-build.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const build = process.env.PRAXIS_FROM_SOURCE === "1" ? { state: "skipped" } : buildState(root);
let main;
if (build.state === "current") {
  process.setSourceMapsEnabled(true);
  ({ main } = await import(pathToFileURL(build.entry).href));
} else {
  if (build.state === "stale") {
    console.error(
      "praxis: dist/server was built from other sources; running the TypeScript sources instead (slower to start). Run `npm run build:server` to rebuild.",
    );
  }
  const { register } = await import("tsx/esm/api");
  register();
  ({ main } = await import("../src/cli/main.ts"));
}
process.exitCode = await main(process.argv.slice(2));
