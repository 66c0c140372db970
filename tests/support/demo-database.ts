import { randomBytes } from "node:crypto";
import { adminStatement } from "./pg-admin.ts";
import { praxis } from "./spawn.ts";

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
