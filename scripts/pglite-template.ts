/**
 * `npm run pglite-template`: rebuild src/server/infra/db/pglite/template.tar.br — the data
 * directory a new embedded database starts from — with the installed PGlite's own initdb.
 * Run it after upgrading @electric-sql/pglite (tests/db/pglite.test.ts fails until then).
 *
 * The directory is made on disk and shut down cleanly before it is packed: a copy taken from a
 * running PGlite would start with crash recovery, which fsyncs every file of the directory.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import zlib from "node:zlib";
import { PGlite } from "@electric-sql/pglite";
import { NodeFS } from "@electric-sql/pglite/nodefs";
import { PGLITE_SETTINGS } from "../src/server/infra/db/pglite/settings.ts";
import { TEMPLATE_FILE } from "../src/server/infra/db/pglite/template.ts";

const out = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  "../src/server/infra/db/pglite",
  TEMPLATE_FILE,
);
const work = fs.mkdtempSync(path.join(os.tmpdir(), "praxis-pglite-template-"));
try {
  const dir = path.join(work, "pgdata");
  const pg = new PGlite({
    fs: new NodeFS(dir),
    initDbStartParams: ["-c", `shared_buffers=${PGLITE_SETTINGS.shared_buffers}`],
  });
  await pg.waitReady;
  const { rows } = await pg.query<{ version: string }>("select version()");
  await pg.close();
  const tar = packDirectory(dir);
  const compressed = zlib.brotliCompressSync(tar, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
      [zlib.constants.BROTLI_PARAM_LGWIN]: 24,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: tar.length,
    },
  });
  fs.writeFileSync(out, compressed);
  console.log(`${out}: ${rows[0]!.version}; tar ${tar.length} bytes, brotli ${compressed.length} bytes`);
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}

/** A ustar archive of `root`'s files and directories, in a stable order, with fixed times. */
function packDirectory(root: string): Buffer {
  const parts: Buffer[] = [];
  const walk = (rel: string) => {
    for (const name of fs.readdirSync(path.join(root, rel)).sort()) {
      const member = rel ? `${rel}/${name}` : name;
      const stat = fs.statSync(path.join(root, member));
      if (stat.isDirectory()) {
        parts.push(header(member, 0, "5", 0o700));
        walk(member);
      } else if (stat.isFile()) {
        const data = fs.readFileSync(path.join(root, member));
        parts.push(
          header(member, data.length, "0", 0o600),
          data,
          Buffer.alloc((512 - (data.length % 512)) % 512),
        );
      }
    }
  };
  walk("");
  parts.push(Buffer.alloc(1024));
  return Buffer.concat(parts);
}

function header(name: string, size: number, type: string, mode: number): Buffer {
  if (Buffer.byteLength(name) > 100) throw new Error(`member name too long for ustar: ${name}`);
  const h = Buffer.alloc(512);
  const put = (text: string, at: number, length: number) => h.write(text, at, length, "utf8");
  const octal = (n: number, length: number) => n.toString(8).padStart(length - 1, "0");
  put(name, 0, 100);
  put(octal(mode, 8), 100, 8);
  put(octal(0, 8), 108, 8);
  put(octal(0, 8), 116, 8);
  put(octal(size, 12), 124, 12);
  put(octal(0, 12), 136, 12);
  put(type, 156, 1);
  put("ustar\u000000", 257, 8);
  h.fill(" ", 148, 156);
  let sum = 0;
  for (const b of h) sum += b;
  put(`${octal(sum, 7)}\u0000 `, 148, 8);
  return h;
}
