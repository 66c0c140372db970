import { describe, expect, it } from "vitest";
import { seriousViolations, settle } from "./pages/axe.ts";
import { LoginPage } from "./pages/login-page.ts";
import { screenshot } from "./support/browser.ts";
import { worldPerFile } from "./support/fixtures.ts";

const w = worldPerFile();

describe("accessibility (axe-core)", () => {
  it("the login page has no serious or critical violations", async () => {
    const { page } = await w.session();
    await new LoginPage(page).open();
    await screenshot(page, "login");
    expect(await seriousViolations(page)).toEqual([]);
  });

  // twenty pages with an axe run each, the home page now with what needs doing: allow 4 minutes
  it("the signed-in pages have none either, in English and in Italian", async () => {
    const { page } = await w.session();
    await new LoginPage(page).signInAs("admin");
    const pages: Array<[string, string | RegExp]> = [
      ["/", /^Welcome/],
      ["/programmes", "Programmes"],
      ["/programmes/1", /^BPD-LOM — /],
      ["/programmes/new", "New programme"],
      ["/sites/6", /^LECCO — /],
      ["/practices/1", /^BPD-STEPPED — /],
      ["/admin/structure", "Structure"],
      ["/admin/users", "Users"],
      ["/admin/audit", "Audit log"],
      ["/admin/indicator-facts", "Indicator facts"],
    ];
    const found: string[] = [];
    for (const [url, heading] of pages) {
      await page.goto(url);
      await settle(page, heading);
      found.push(...(await seriousViolations(page)).map((v) => `${url}: ${v}`));
    }
    // An audit entry opened, with its before and after
    await page.goto("/admin/audit");
    await settle(page, "Audit log");
    await page.getByRole("button", { name: /^Show/ }).first().click();
    await page
      .getByText("Changed:")
      .or(page.getByText("Detail", { exact: true }))
      .first()
      .waitFor();
    found.push(...(await seriousViolations(page)).map((v) => `/admin/audit (detail): ${v}`));
    // A form showing errors, and a modal
    await page.goto("/programmes/new");
    await settle(page, "New programme");
    await page.getByRole("button", { name: "Create programme" }).click();
    await page.locator('[aria-invalid="true"]').first().waitFor();
    found.push(...(await seriousViolations(page)).map((v) => `/programmes/new (errors): ${v}`));
    await page.goto("/sites/6");
    await settle(page, /^LECCO — /);
    await page.getByRole("button", { name: "Add professional" }).click();
    await page.getByRole("dialog").waitFor();
    found.push(...(await seriousViolations(page)).map((v) => `/sites/6 (dialog): ${v}`));
    await page.keyboard.press("Escape");

    // The same pages in Italian
    await page.getByRole("banner").getByRole("button", { name: "Regional IT office" }).click();
    await page.getByRole("menuitem", { name: "Italiano" }).click();
    await page.getByRole("navigation", { name: "Navigazione principale" }).waitFor();
    for (const [url, heading] of [
      ["/", /^Benvenuto/],
      ["/programmes", "Programmi"],
      ["/sites/6", /^LECCO — /],
    ] as Array<[string, string | RegExp]>) {
      await page.goto(url);
      await settle(page, heading);
      found.push(...(await seriousViolations(page)).map((v) => `${url} (it): ${v}`));
    }
    expect(found).toEqual([]);
  }, 240_000);

  it("a site coordinator's team page has none", async () => {
    const { page } = await w.session();
    await new LoginPage(page).signInAs("sitecoord");
    await page
      .getByRole("navigation", { name: "Main navigation" })
      .getByRole("link", { name: "LECCO" })
      .click();
    await settle(page, /^LECCO — /);
    await page.getByRole("table", { name: "Implementation team" }).waitFor();
    await screenshot(page, "site-team-sitecoord");
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("keyboard: the skip link is the first stop and leads to the main content", async () => {
    const { page } = await w.session();
    await new LoginPage(page).signInAs("clinician");
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Skip to main content" });
    expect(await skip.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("main");
  });
});
