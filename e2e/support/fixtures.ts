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

export async function createWorld(): Promise<World> {
  const server = await startServer();
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
