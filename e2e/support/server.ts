import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * A real Praxis server for browser tests: `praxis serve` on a free port with a fresh embedded
 * database (which gets the demo region on first start). Nothing is built here: the web app must
 * have been built into dist/web beforehand (`npm run build:web`).
 */
export interface TestServer {
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const STARTUP_MS = 120_000;

export const DEMO_PASSWORD = "praxis-demo-login";

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

async function waitForHealth(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + STARTUP_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`praxis serve exited with code ${child.exitCode} before it was ready:\n${output()}`);
    }
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(
    `praxis serve did not answer ${url}/api/health within ${STARTUP_MS / 1000} s:\n${output()}`,
  );
}

function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const force = setTimeout(() => child.kill("SIGKILL"), 10_000);
    child.once("exit", () => {
      clearTimeout(force);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

/**
 * Start `praxis serve`. With `dataDir`, on that directory (the caller's: it is kept at stop, so
 * a test can stop the server, change the database and start it again); else on a fresh one.
 */
export async function startServer(
  options: { dataDir?: string; artefacts?: boolean } = {},
): Promise<TestServer> {
  const index = path.join(ROOT, "dist/web/index.html");
  if (!fs.existsSync(index)) {
    throw new Error(
      `${index} is missing: build the web app first with \`npm run build:web\` (the e2e script does).`,
    );
  }
  const port = await freePort();
  const owned = options.dataDir === undefined;
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), "praxis-e2e-"));
  const env: NodeJS.ProcessEnv = { ...process.env, PRAXIS_LOG: "0" };
  // The embedded database, whatever the developer's environment says.
  delete env.DATABASE_URL;
  delete env.PRAXIS_DEMO;
  delete env.PRAXIS_WEB_DIR;
  // The browser tests walk users through the planning toolkit, reviews and courses from empty:
  // they start from the bare demo region and registry, without the demo's artefacts.
  // (`artefacts: true` gives the living demo a newcomer gets from `npm start`.)
  env.PRAXIS_DEMO_ARTEFACTS = options.artefacts ? "1" : "0";
  const child = spawn(
    process.execPath,
    ["bin/praxis.mjs", "serve", "--port", String(port), "--host", "127.0.0.1", "--data-dir", dataDir],
    {
      cwd: ROOT,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let log = "";
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(url, child, () => log);
  } catch (err) {
    await stopChild(child);
    if (owned) fs.rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }
  return {
    url,
    dataDir,
    async stop() {
      await stopChild(child);
      if (owned) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
