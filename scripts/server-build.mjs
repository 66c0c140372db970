// The compiled server: what `npm run build:server` writes to dist/server, and whether it is
// current. Shared by the build (scripts/build-server.mjs) and the `praxis` command
// (bin/praxis.mjs), which runs the build only when it was made from exactly the sources on disk.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export const BUILD_DIR = "dist/server";
export const ENTRY = "main.js";
export const INFO = "build-info.json";

/**
 * A fingerprint of the sources a build was made from: their paths and contents (about 10 ms for
 * the ~280 files). Contents rather than times: a `git pull` or a checkout that changes a file
 * changes its fingerprint whatever the clocks say. Throws when a source is gone.
 */
export function fingerprint(root, sources) {
  const hash = createHash("sha256");
  for (const source of [...sources].sort()) {
    hash.update(source);
    hash.update("\0");
    hash.update(fs.readFileSync(path.join(root, source)));
    hash.update("\0");
  }
  return hash.digest("hex");
}

/**
 * "current" (with the entry to import), "stale" (built from other sources: a pull, a checkout,
 * an edit since), or "absent".
 */
export function buildState(root) {
  const dir = path.join(root, BUILD_DIR);
  let info;
  try {
    info = JSON.parse(fs.readFileSync(path.join(dir, INFO), "utf8"));
  } catch {
    return { state: "absent" };
  }
  try {
    if (Array.isArray(info.sources) && fingerprint(root, info.sources) === info.fingerprint) {
      return { state: "current", entry: path.join(dir, ENTRY) };
    }
  } catch {
    /* a source the build used is gone */
  }
  return { state: "stale" };
}
