import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchBrowser, newPage } from "./browser.ts";
import { startServer, type TestServer } from "./server.ts";

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
