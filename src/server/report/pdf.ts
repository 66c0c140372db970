import fs from "node:fs";

/** Where the PDF printer looks for Chromium (Debian's package by default). */
export const chromiumPath = (env: NodeJS.ProcessEnv = process.env) =>
  env.PRAXIS_CHROMIUM || "/usr/bin/chromium";

/** Chromium is not installed where the report needs it: say so, and what still works. */
export class ChromiumMissingError extends Error {
  constructor(readonly path: string) {
    super(
      `the PDF report is printed by Chromium, not found at ${path}: install Debian's chromium package ` +
        "(apt-get install chromium) or set PRAXIS_CHROMIUM to its path; the HTML report needs nothing more",
    );
  }
}

const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/**
 * Print the report's HTML to an A4 PDF with the machine's Chromium (playwright-core drives it;
 * nothing is downloaded). The page is self-contained — inline CSS and SVG — and loads nothing:
 * every request it would make is refused.
 */
export async function printPdf(html: string, env: NodeJS.ProcessEnv = process.env): Promise<Buffer> {
  const path = chromiumPath(env);
  if (!fs.existsSync(path)) throw new ChromiumMissingError(path);
  const { chromium } = await import("playwright-core");
  const browser = await chromium.launch({ executablePath: path, args: ARGS });
  try {
    const page = await browser.newPage({ javaScriptEnabled: false });
    await page.route("**/*", (route) => route.abort());
    await page.setContent(html, { waitUntil: "load" });
    return await page.pdf({ format: "A4", printBackground: true, preferCSSPageSize: true });
  } finally {
    await browser.close();
  }
}
