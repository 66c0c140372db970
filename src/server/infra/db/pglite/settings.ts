import { PGlite } from "@electric-sql/pglite";

/**
 * The PostgreSQL settings PGlite runs with, and why (measured in docs/benchmarks.md, "PGlite").
 *
 * - `shared_buffers = 32MB` (PGlite's initdb writes 128MB): the buffer pool lives in the
 *   WebAssembly heap and is touched when allocated, so it is resident from the first query.
 *   A quarter of it keeps a pilot's working set (a few tens of MB) and bounds the process at
 *   every step well under 500 MB; pages beyond it are re-read from the operating system's cache.
 * - `wal_level = minimal` (with `max_wal_senders = 0`): nothing replicates or archives PGlite's
 *   WAL, and at this level a table or index created or truncated in the writing transaction is
 *   not written twice (an import's index rebuilds, the demo's load).
 * - durability: fsync on, through `wal_sync_method = fsync` — the only method that reaches the
 *   file system of PGlite's Emscripten runtime (`fdatasync` and `open_datasync` are no-ops there);
 *   `durable-fs.ts` makes that fsync real. A commit that returned is on disk.
 * - `maintenance_work_mem = 16MB`, `work_mem = 4MB`: sorts and hashes spill to temporary files
 *   instead of growing the heap, which never shrinks.
 */
export const PGLITE_SETTINGS: Readonly<Record<string, string>> = {
  shared_buffers: "32MB",
  wal_level: "minimal",
  max_wal_senders: "0",
  wal_sync_method: "fsync",
  maintenance_work_mem: "16MB",
  work_mem: "4MB",
};

/** PGlite's start parameters with the settings above; fsync on unless the database is in memory. */
export function pgliteStartParams(onDisk: boolean): string[] {
  const base = PGlite.defaultStartParams.filter((p) => !(onDisk && p === "-F"));
  return [...base, ...Object.entries(PGLITE_SETTINGS).flatMap(([k, v]) => ["-c", `${k}=${v}`])];
}
