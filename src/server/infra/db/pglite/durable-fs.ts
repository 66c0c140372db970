import fs from "node:fs";
import { NodeFS } from "@electric-sql/pglite/nodefs";

interface EmscriptenStream {
  nfd: number;
}
interface EmscriptenModule {
  NODEFS: { stream_ops: { fsync?: (stream: EmscriptenStream) => number } };
}

/** fsync calls that reached the disk in this process (the durability test counts them). */
export const fsyncCount = { value: 0 };

/**
 * PGlite's Node file system (Emscripten's NODEFS, which writes straight through to the data
 * directory's files) with a real `fsync`: NODEFS has none, so PostgreSQL's WAL flush at commit
 * and its checkpoint's data-file syncs were no-ops and a committed transaction was only in the
 * kernel's cache — safe from a killed process, lost on a power cut. With this, an fsync of a
 * PostgreSQL file is an `fdatasync` of the real file.
 */
export class DurableNodeFS extends NodeFS {
  override async init(...args: Parameters<NodeFS["init"]>) {
    const out = await super.init(...args);
    const preRun = (out.emscriptenOpts.preRun ?? []) as Array<(mod: unknown) => void>;
    out.emscriptenOpts.preRun = [
      ...preRun,
      (mod) => {
        (mod as EmscriptenModule).NODEFS.stream_ops.fsync = (stream) => {
          fs.fdatasyncSync(stream.nfd);
          fsyncCount.value += 1;
          return 0;
        };
      },
    ];
    return out;
  }
}
