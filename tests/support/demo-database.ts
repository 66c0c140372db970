import { randomBytes } from "node:crypto";
import { afterAll, beforeAll } from "vitest";
import { adminStatement } from "./pg-admin.ts";
import { praxis, startServer } from "./spawn.ts";

/**
 * A fresh database `<prefix>_<hex>` on the PostgreSQL of DATABASE_URL with `praxis demo` in it,
 * for tests that start several servers on one database; `drop()` removes it.
 */
export async function demoDatabase(prefix: string): Promise<{ url: string; drop(): Promise<void> }> {
  const base = process.env.DATABASE_URL!;
  const name = `${prefix}_${randomBytes(4).toString("hex")}`;
  const admin = (statement: string) => adminStatement(base, statement);
  await admin(`create database ${name}`);
  const u = new URL(base);
  u.pathname = `/${name}`;
  const url = u.toString();
  const demo = praxis(["demo"], { DATABASE_URL: url });
  if (demo.code !== 0) throw new Error(`praxis demo: ${JSON.stringify(demo)}`);
  return { url, drop: () => admin(`drop database if exists ${name} with (force)`) };
}

export type DemoServer = Awaited<ReturnType<typeof startServer>>;

/**
 * Two `praxis serve` processes (with `serveArgs`) on one fresh demo database `<prefix>_<hex>`:
 * started before the tests of the calling `describe` (within `timeoutMs`), stopped after them,
 * and the database dropped.
 */
export function twoServersOnDemo(
  prefix: string,
  serveArgs: string[],
  timeoutMs: number,
): { readonly url: string; readonly servers: DemoServer[] } {
  let db: Awaited<ReturnType<typeof demoDatabase>> | undefined;
  let servers: DemoServer[] = [];
  beforeAll(async () => {
    db = await demoDatabase(prefix);
    const env = { DATABASE_URL: db.url };
    servers = await Promise.all([startServer(serveArgs, env), startServer(serveArgs, env)]);
  }, timeoutMs);
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await db?.drop();
  });
  return {
    get url() {
      return db?.url ?? "";
    },
    get servers() {
      return servers;
    },
  };
}

/** Run `tasks` with at most `n` in flight; results in the tasks' order. */
export async function pool<T>(tasks: Array<() => Promise<T>>, n: number): Promise<T[]> {
  const out: T[] = new Array(tasks.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: n }, async () => {
      while (next < tasks.length) {
        const i = next++;
        out[i] = await tasks[i]!();
      }
    }),
  );
  return out;
}
