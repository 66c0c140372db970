import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousViolations, settle } from "./pages/axe.ts";
import { LoginPage } from "./pages/login-page.ts";
import { isoDaysFromToday, typeDate } from "./pages/registry.ts";
import { SitePage } from "./pages/site-page.ts";
import { ApiClient } from "./support/api-client.ts";
import { screenshot } from "./support/browser.ts";
import { createWorld, type World } from "./support/fixtures.ts";
import { DEMO_PASSWORD } from "./support/server.ts";

/**
 * Issue 13, part 5 (staff turnover from the team's history): Lecco's implementation-team
 * coordinator records that a team member left the site; the member leaves the team, the list of
 * all professionals shows the day, and the site's turnover table counts one more leaver this year.
 */
let w: World;
let lecco: number;
beforeAll(async () => {
  w = await createWorld();
  const api = await ApiClient.login(w.server.url, "sitecoord", DEMO_PASSWORD);
  const sites = (await api.get("/api/sites")).json as Array<{ id: number; code: string }>;
  lecco = sites.find((s) => s.code === "LECCO")!.id;
});
afterAll(async () => {
  await w?.close();
});

describe("staff turnover", () => {
  it("a site coordinator records a team member leaving and sees the turnover", async () => {
    const { page } = await w.session();
    await new LoginPage(page).signInAs("sitecoord");
    await page.goto(`${w.server.url}/sites/${lecco}`);
    await settle(page, /^LECCO/);
    const site = new SitePage(page);
    await site.team.waitFor();
    const turnover = page.getByRole("table", { name: /^Staff turnover per year/ });
    const current = turnover.getByRole("row").filter({ hasText: `(to ${isoDaysFromToday(0)})` });
    const leaversBefore = Number(await current.locator("td").nth(3).textContent());

    // The team's second member leaves the site yesterday
    const member = site.team.getByRole("row").nth(2);
    const code = (await member.locator("td").first().textContent())!;
    await member.getByRole("button", { name: `Edit ${code}` }).click();
    const dialog = page.getByRole("dialog", { name: `Edit ${code}` });
    // leaving before joining is refused next to the field, nothing saved
    await typeDate(dialog, "Joined the site on", isoDaysFromToday(-5));
    await typeDate(dialog, "Left the site on", isoDaysFromToday(-10));
    await dialog.getByRole("button", { name: "Save" }).click();
    await dialog.getByText(/cannot be before the day they joined/).waitFor();
    await typeDate(dialog, "Joined the site on", isoDaysFromToday(-400));
    await typeDate(dialog, "Left the site on", isoDaysFromToday(-1));
    expect(await dialog.getByLabel("In the implementation team").isDisabled()).toBe(true);
    await screenshot(page, "staff-turnover-leaving");
    await dialog.getByRole("button", { name: "Save" }).click();
    await dialog.waitFor({ state: "detached" });

    // Out of the team; listed among all professionals with the day they left
    await site.row(code).waitFor({ state: "detached" });
    await page
      .locator("label")
      .filter({ hasText: /^All professionals$/ })
      .click();
    const row = site.row(code);
    await row.waitFor();
    expect(await row.textContent()).toContain(isoDaysFromToday(-1));

    // The turnover counts them (unless the leaving day fell in last year, i.e. today is 1 January)
    if (isoDaysFromToday(-1).slice(0, 4) === isoDaysFromToday(0).slice(0, 4))
      await page.waitForFunction(
        ([n]) =>
          [...document.querySelectorAll("table tr")].some(
            (tr) =>
              tr.textContent?.includes("(to ") && tr.querySelectorAll("td")[3]?.textContent === String(n),
          ),
        [leaversBefore + 1],
      );
    await screenshot(page, "staff-turnover", true);
    expect(await seriousViolations(page)).toEqual([]);
  });
});
