import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousViolations } from "./pages/axe.ts";
import { LoginPage } from "./pages/login-page.ts";
import { Shell } from "./pages/shell.ts";
import { screenshot } from "./support/browser.ts";
import { createWorld, type World } from "./support/fixtures.ts";

/**
 * What a newcomer gets from `npm start`: the demo with its planning artefacts. The coordinator
 * finds the region's and the sites' plans already started, and opens one that has content.
 */
let w: World;
beforeAll(async () => {
  w = await createWorld({ artefacts: true });
});
afterAll(async () => {
  await w?.close();
});

describe("the living demo", () => {
  it("a regional coordinator finds the plans started and opens the region's SWOT", async () => {
    const { page } = await w.session();
    await new LoginPage(page).signInAs("coordinator");
    await new Shell(page).go("BPD-LOM planning");
    await page.getByRole("heading", { level: 1, name: "BPD-LOM implementation plan" }).waitFor();
    const matrix = page.getByRole("table", { name: "Artefacts of the region and of each site" });
    for (const kind of ["Situation analysis", "SWOT", "Theory of Change", "Action plan", "Roadmap"]) {
      await expect
        .poll(() => matrix.getByRole("link", { name: `${kind}, Region` }).textContent(), { timeout: 20_000 })
        .toMatch(/^version \d+$/);
    }
    // sites too: LECCO is always active in the demo
    await expect
      .poll(() => matrix.getByRole("link", { name: "SWOT, LECCO" }).textContent())
      .toMatch(/^version \d+$/);
    expect(await seriousViolations(page)).toEqual([]);

    await matrix.getByRole("link", { name: "SWOT, Region" }).click();
    await page.getByText("The DMH director sponsors the project").first().waitFor();
    await screenshot(page, "living-demo-region-swot");
    expect(await seriousViolations(page)).toEqual([]);
  });
});
