import { describe, expect, it } from "vitest";
import { LoginPage } from "./pages/login-page.ts";
import { Shell } from "./pages/shell.ts";
import { screenshot } from "./support/browser.ts";
import { worldPerFile } from "./support/fixtures.ts";

const w = worldPerFile();

describe("language", () => {
  it("an administrator switches to Italian, sees Italian labels everywhere, and switches back", async () => {
    const { page } = await w.session();
    const shell = new Shell(page);

    // Given the administrator signed in, in English
    await new LoginPage(page).signInAs("admin");
    await screenshot(page, "home-en");
    expect(await shell.navLink("Programmes").isVisible()).toBe(true);

    // When they choose Italiano in the user menu
    await shell.switchLanguage("Regional IT office", "Italiano");

    // Then the navigation and the page speak Italian, and the page says so to assistive technology
    await shell.navLink("Programmi").waitFor();
    await page.getByRole("heading", { level: 2, name: "Sedi", exact: true }).waitFor();
    expect(await shell.navigation.getByText("Amministrazione").isVisible()).toBe(true);
    expect(await page.locator("html").getAttribute("lang")).toBe("it");

    // And the choice is saved on the account: a reload (a new page load) keeps it
    await page.reload();
    await shell.navLink("Programmi").waitFor();
    await page.goto("/sites/6");
    await page.getByRole("heading", { level: 2, name: "Team di implementazione" }).waitFor();
    await screenshot(page, "site-it");

    // When they switch back to English
    await shell.switchLanguage("Regional IT office", "English");
    await shell.navLink("Programmes").waitFor();
    await page.getByRole("heading", { level: 2, name: "Implementation team" }).waitFor();
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
  });
});
