import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import net from "node:net";
import path from "node:path";
import { expect } from "vitest";

export const PRAXIS = path.resolve("bin/praxis.mjs");

/** The password `praxis demo` gives every demo user. */
export const DEMO_PASSWORD = "praxis-demo-login";

/** The child's environment: ours, minus DATABASE_URL unless given, plus `env` (undefined removes). */
function childEnv(env: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = { ...process.env, PRAXIS_LOG: "0" };
  delete out.DATABASE_URL;
  for (const [k, v] of Object.entries(env)) {
    if (v === undefined) delete out[k];
    else out[k] = v;
  }
  return out;
}

/** Run the CLI to completion. */
export function praxis(args: string[], env: Record<string, string | undefined> = {}) {
  const r = spawnSync(process.execPath, [PRAXIS, ...args], {
    env: childEnv(env),
    encoding: "utf8",
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

/** Start `praxis serve` and wait until /api/health answers. */
export async function startServer(args: string[], env: Record<string, string | undefined> = {}) {
  const port = await freePort();
  const child: ChildProcess = spawn(
    process.execPath,
    [PRAXIS, "serve", "--port", String(port), "--host", "127.0.0.1", ...args],
    {
      env: childEnv(env),
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  child.stdout?.on("data", (d) => {
    output += d;
  });
  child.stderr?.on("data", (d) => {
    output += d;
  });
  const url = `http://127.0.0.1:${port}`;
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`praxis serve exited: ${output}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) break;
    } catch {
      /* not yet */
    }
    if (Date.now() - started > 60_000) throw new Error(`praxis serve did not start: ${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    pid: child.pid!,
    output: () => output,
    async stop() {
      // exited, or killed by a signal (a test may kill it: exitCode stays null then)
      if (child.exitCode !== null || child.signalCode !== null) return;
      const done = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await done;
    },
  };
}

/**
 * Log in over HTTP to a started server (a refused login fails the test): the session cookie, the
 * CSRF token that writes need, and the user's id.
 */
export async function loginOverHttp(serverUrl: string, username: string, password = DEMO_PASSWORD) {
  const res = await fetch(`${serverUrl}/api/session`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password }),
  });
  expect(res.status).toBe(200);
  const body = await res.json();
  return {
    cookie: res.headers.get("set-cookie")!.split(";")[0]!,
    csrfToken: body.csrfToken as string,
    id: body.id as number,
  };
}
