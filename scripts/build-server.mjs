#!/usr/bin/env node
// `npm run build:server`: compiles the server and CLI (src/cli/main.ts and everything it imports)
// into dist/server with esbuild — one ES module per lazily loaded part, dependencies left to
// node_modules — and records the fingerprint of the sources it used (scripts/server-build.mjs).
// The new build replaces the old one in one rename, so `praxis` never sees half of one.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";
import { BUILD_DIR, fingerprint, INFO } from "./server-build.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const started = performance.now();
const target = path.join(root, BUILD_DIR);
const temp = `${target}.tmp-${process.pid}`;
fs.rmSync(temp, { recursive: true, force: true });

const result = await esbuild.build({
  absWorkingDir: root,
  entryPoints: { main: "src/cli/main.ts" },
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  packages: "external",
  outdir: temp,
  sourcemap: "linked",
  metafile: true,
  logLevel: "warning",
});
const sources = Object.keys(result.metafile.inputs).filter((f) => !f.includes("node_modules/"));
fs.writeFileSync(
  path.join(temp, INFO),
  `${JSON.stringify({ builtAt: new Date().toISOString(), esbuild: esbuild.version, fingerprint: fingerprint(root, sources), sources }, null, 1)}\n`,
);
const old = `${target}.old-${process.pid}`;
if (fs.existsSync(target)) fs.renameSync(target, old);
fs.renameSync(temp, target);
fs.rmSync(old, { recursive: true, force: true });
console.log(
  `server built into ${BUILD_DIR} (${sources.length} sources, ${Math.round(performance.now() - started)} ms)`,
);
