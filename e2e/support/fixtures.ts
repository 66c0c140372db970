import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { perTestFile } from "../../tests/support/late-bound.ts";
import { ApiClient } from "./api-client.ts";
import { launchBrowser, newPage } from "./browser.ts";
import { DEMO_PASSWORD, startServer, type TestServer } from "./server.ts";

/**
 * One test file's world: a fresh server with the demo region and a browser. `session()` gives
 * a new, signed-out browser profile; close it when done (or let `close()` do it).
 */
export interface World {
  server: TestServer;
  browser: Browser;
  session(): Promise<{ context: BrowserContext; page: Page }>;
  close(): Promise<void>;
}

/**
 * `prepare(dataDir)`: change the demo database before the test's server starts — the demo is
 * created by a first server, which is stopped; `prepare` then has the database to itself
 * (PGlite is single-process), and the test's server starts on it.
 */
export async function createWorld(
  options: { prepare?: (dataDir: string) => Promise<void>; artefacts?: boolean } = {},
): Promise<World> {
  const server = options.prepare
    ? await preparedServer(options.prepare)
    : await startServer({ artefacts: options.artefacts });
  let browser: Browser;
  try {
    browser = await launchBrowser();
  } catch (err) {
    await server.stop();
    throw err;
  }
  const contexts: BrowserContext[] = [];
  return {
    server,
    browser,
    async session() {
      const s = await newPage(browser, server.url);
      contexts.push(s.context);
      return s;
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => {});
      await browser.close().catch(() => {});
      await server.stop();
    },
  };
}

/**
 * One world per test file: created before the file's tests — then `ready` may add what the file
 * needs, reading the world through the returned object — and closed after them.
 */
export function worldPerFile(ready: () => Promise<void> = async () => {}): World {
  return perTestFile(createWorld, ready, "the test file's world");
}

/** A demo programme by its code, as the regional coordinator's API lists it. */
export async function demoProgramme(w: World, code: string): Promise<{ id: number; code: string }> {
  const api = await ApiClient.login(w.server.url, "coordinator", DEMO_PASSWORD);
  const list = (await api.get("/api/programmes")).json as Array<{ id: number; code: string }>;
  const found = list.find((p) => p.code === code);
  if (!found) throw new Error(`no demo programme ${code}`);
  return found;
}

async function preparedServer(prepare: (dataDir: string) => Promise<void>): Promise<TestServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "praxis-e2e-"));
  const removeDir = () => fs.rmSync(dataDir, { recursive: true, force: true });
  try {
    await (await startServer({ dataDir })).stop();
    await prepare(dataDir);
    const server = await startServer({ dataDir });
    return {
      ...server,
      async stop() {
        await server.stop();
        removeDir();
      },
    };
  } catch (err) {
    removeDir();
    throw err;
  }
}
