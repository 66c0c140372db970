import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import zlib from "node:zlib";

/**
 * A new embedded database starts from a template: the data directory PGlite's own `initdb`
 * produces, stored as a brotli-compressed tar (`template.tar.br`, 1.4 MB, made by
 * `npm run pglite-template` from the installed PGlite). PGlite's `initdb` runs a second
 * PostgreSQL in the same process and copies its whole heap twice; it is what made creating a
 * database peak at 0.8–1.0 GB. Unpacking the template costs a 40 MB buffer and a few hundred ms.
 */
export const TEMPLATE_FILE = "template.tar.br";

/** The template next to this module, or in the source tree above a bundle; null when absent. */
export function templatePath(): string | null {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const candidates = [path.join(here, TEMPLATE_FILE)];
  for (let dir = here, i = 0; i < 6; i++, dir = path.dirname(dir))
    candidates.push(path.join(dir, "src/server/infra/db/pglite", TEMPLATE_FILE));
  return candidates.find((p) => fs.existsSync(p)) ?? null;
}

/** The template as an uncompressed tar. */
export function readTemplate(file: string): Buffer {
  return zlib.brotliDecompressSync(fs.readFileSync(file));
}

/**
 * Unpack a data-directory tar into `dir` (which must not exist), then fsync every file and
 * directory, so that a database created from it survives a power cut as soon as this returns.
 * The files are written first and synced afterwards, many at a time on libuv's threads: one
 * fsync after another, a thousand small files took seconds.
 */
export async function unpackTemplate(tar: Buffer, dir: string): Promise<void> {
  fs.mkdirSync(dir, { mode: 0o700 });
  const dirs = [dir];
  const files: string[] = [];
  for (const entry of tarEntries(tar)) {
    // members are named from the data directory's root: `/PG_VERSION`, `/base/1/1259`…
    const sub = entry.name.replace(/^\/+/, "").replace(/\/+$/, "");
    if (!sub) continue;
    if (sub.split("/").some((part) => part === ".." || part === "."))
      throw new Error(`unsafe path ${entry.name} in the PGlite template`);
    const target = path.join(dir, sub);
    if (entry.type === "dir") {
      fs.mkdirSync(target, { recursive: true, mode: 0o700 });
      dirs.push(target);
      continue;
    }
    fs.mkdirSync(path.dirname(target), { recursive: true, mode: 0o700 });
    fs.writeFileSync(target, tar.subarray(entry.offset, entry.offset + entry.size), { mode: 0o600 });
    files.push(target);
  }
  await syncAll([...files, ...dirs]);
}

/**
 * Make every path durable: one `syncfs` of their file system where coreutils' `sync -f` exists
 * (Linux; a thousand fsyncs one by one took seconds), otherwise an fsync of each path, files
 * first, then the directories that name them, 16 at a time.
 */
async function syncAll(paths: string[]): Promise<void> {
  if (paths.length > 0 && spawnSync("sync", ["-f", paths[0]!], { stdio: "ignore" }).status === 0) return;
  let next = 0;
  const worker = async () => {
    while (next < paths.length) {
      const handle = await fs.promises.open(paths[next++]!, "r");
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
}

export function syncDirectory(dir: string): void {
  const fd = fs.openSync(dir, "r");
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

interface TarEntry {
  name: string;
  type: "file" | "dir";
  offset: number;
  size: number;
}

/** The members of a ustar archive (regular files and directories; anything else is refused). */
export function* tarEntries(tar: Buffer): Generator<TarEntry> {
  let at = 0;
  while (at + 512 <= tar.length) {
    const header = tar.subarray(at, at + 512);
    if (header.every((b) => b === 0)) return;
    const text = (from: number, length: number) => {
      const raw = header.subarray(from, from + length);
      const end = raw.indexOf(0);
      return raw.toString("utf8", 0, end === -1 ? length : end);
    };
    const prefix = text(345, 155);
    const name = prefix ? `${prefix}/${text(0, 100)}` : text(0, 100);
    const size = Number.parseInt(text(124, 12).trim() || "0", 8);
    const flag = String.fromCharCode(header[156]!);
    if (!Number.isFinite(size) || size < 0) throw new Error(`bad size in tar header of ${name}`);
    const type = flag === "5" ? "dir" : flag === "0" || flag === "\0" ? "file" : null;
    if (!type) throw new Error(`unsupported tar member type "${flag}" (${name})`);
    yield { name, type, offset: at + 512, size };
    at += 512 + Math.ceil(size / 512) * 512;
  }
}
