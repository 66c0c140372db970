import AxeBuilder from "@axe-core/playwright";
import type { Page } from "playwright-core";

/**
 * Serious and critical axe-core violations of the page as it is now, one line each (the same
 * rules as accessibility.e2e.ts), for the registry's and the import's own checks.
 */
export async function seriousViolations(page: Page): Promise<string[]> {
  await transitionsEnded(page);
  const result = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"])
    .analyze();
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => `${n.target.join(" ")} (${n.any.map((a) => a.message).join("; ")})`).join(", ")}`,
    );
}

/**
 * Axe reads names and colours as they are at that instant: a dialog fading in has half its
 * contrast, a drawer sliding out has lost its name. Wait until the page's finite animations and
 * transitions have ended (an endless one, a loader, does not count).
 */
async function transitionsEnded(page: Page): Promise<void> {
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every(
        (a) => a.playState !== "running" || a.effect?.getTiming().iterations === Number.POSITIVE_INFINITY,
      ),
  );
}

/** The page's heading is there and every query on it has answered (no loading indicator left). */
export async function settle(page: Page, heading: string | RegExp): Promise<void> {
  await page.getByRole("heading", { level: 1, name: heading }).waitFor();
  await page.waitForFunction(() => document.querySelectorAll('[role="status"]').length === 0);
}
