import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import pg from "pg";
import { praxis, startServer } from "../tests/support/spawn.ts";

export { praxis, startServer };

/**
 * A fresh PostgreSQL database for one benchmark, or null when DATABASE_URL is not set. Its name
 * starts with PRAXIS_BENCH_DB_PREFIX (default `praxis_bench`) and the benchmark's own prefix.
 */
export async function freshPostgres(prefix: string): Promise<{ url: string; drop(): Promise<void> } | null> {
  const base = process.env.DATABASE_URL;
  if (!base) return null;
  const name = `${process.env.PRAXIS_BENCH_DB_PREFIX ?? "praxis_bench"}_${prefix.replace(/^praxis_bench_/, "")}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(base);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `${prefix}-`));
}

export async function loginCookie(url: string, username: string, password: string): Promise<string> {
  const res = await fetch(`${url}/api/session`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password }),
  });
  if (!res.ok) throw new Error(`login failed: ${res.status}`);
  return res.headers.get("set-cookie")!.split(";")[0]!;
}

export const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

/**
 * Load one URL with `connections` concurrent clients for `seconds` (autocannon), and return
 * exact latency percentiles from every response (autocannon's own table has no p95).
 */
export async function load(url: string, headers: Record<string, string>, connections = 50, seconds = 10) {
  const times: number[] = [];
  let errors = 0;
  // Without a callback the instance is both an EventEmitter and a promise of the result.
  const instance = autocannon({
    url,
    connections,
    duration: seconds,
    headers,
  }) as unknown as autocannon.Instance & Promise<autocannon.Result>;
  instance.on("response", (_client: unknown, status: number, _bytes: number, responseTime: number) => {
    if (status !== 200) errors += 1;
    times.push(responseTime);
  });
  const result = await instance;
  times.sort((a, b) => a - b);
  return {
    requests: times.length,
    rps: Math.round(result.requests.average),
    p50: round(percentile(times, 50)),
    p95: round(percentile(times, 95)),
    p99: round(percentile(times, 99)),
    errors: errors + result.errors + result.non2xx - errors,
  };
}

export const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

/**
 * Run a benchmark module again as a child process (`--child ARGS…`), so that what it measures —
 * peak memory above all — is its own, and parse the JSON line it prints last.
 */
export function runBenchChild<T>(moduleUrl: string, label: string, args: string[]): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", fileURLToPath(moduleUrl), "--child", ...args], {
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, PRAXIS_LOG: "0" },
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => {
      out += d;
    });
    child.stderr.on("data", (d) => {
      err += d;
    });
    child.on("exit", (code) => {
      const line = out.trim().split("\n").pop() ?? "";
      if (code === 0 && line.startsWith("{")) resolve(JSON.parse(line) as T);
      else reject(new Error(`${label} bench child failed (${code}): ${err || out}`));
    });
  });
}

export interface Measured {
  code: number | null;
  stdout: string;
  stderr: string;
  /** wall time from spawn to exit, process start included */
  ms: number;
  /** peak resident memory of the process (from /usr/bin/time), when available */
  maxRssMb: number | null;
  /** CPU seconds of the process, user + system (from /usr/bin/time), when available */
  cpuS: number | null;
}

const TIME = "/usr/bin/time";

/** Run a command to completion, measuring wall time, and peak RSS and CPU through /usr/bin/time when present. */
export function measured(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Measured {
  const withTime = fs.existsSync(TIME);
  const marker = "praxis-bench-time:";
  const started = performance.now();
  const r = spawnSync(
    withTime ? TIME : command,
    withTime ? ["-f", `${marker}%M %U %S`, command, ...args] : args,
    { env, encoding: "utf8", maxBuffer: 64 << 20 },
  );
  const ms = performance.now() - started;
  let stderr = r.stderr ?? "";
  let maxRssMb: number | null = null;
  let cpuS: number | null = null;
  const at = stderr.lastIndexOf(marker);
  if (at >= 0) {
    const [rss, user, sys] = stderr
      .slice(at + marker.length)
      .trim()
      .split(/\s+/)
      .map(Number);
    maxRssMb = Math.round(rss! / 1024);
    cpuS = Math.round((user! + sys!) * 100) / 100;
    stderr = stderr.slice(0, at);
  }
  return { code: r.status, stdout: r.stdout ?? "", stderr, ms, maxRssMb, cpuS };
}

/** The 1-minute load average, for the figure it goes with. */
export const loadAverage = () => os.loadavg()[0]!.toFixed(1);

/** Peak resident memory of a running process (VmHWM), in MB; null where /proc is not readable. */
export function peakRssOf(pid: number): number | null {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Math.round(Number(m[1]) / 1024) : null;
  } catch {
    return null;
  }
}

/** CPU milliseconds used so far by a process on this machine (a PostgreSQL backend), or null. */
export function cpuMsOf(pid: number): number | null {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return (Number(fields[11]) + Number(fields[12])) * (1000 / 100);
  } catch {
    return null;
  }
}
