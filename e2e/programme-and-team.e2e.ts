import { describe, expect, it } from "vitest";
import { LoginPage } from "./pages/login-page.ts";
import { ProgrammeFormPage } from "./pages/programme-form-page.ts";
import { SitePage } from "./pages/site-page.ts";
import { screenshot } from "./support/browser.ts";
import { worldPerFile } from "./support/fixtures.ts";

const w = worldPerFile();

describe("programmes and implementation teams", () => {
  it("an administrator creates a programme at two sites, then adds a team member at one of them", async () => {
    const { page } = await w.session();
    await new LoginPage(page).signInAs("admin");

    // Given the new-programme form
    const form = new ProgrammeFormPage(page);
    await form.openNew();
    await screenshot(page, "programme-new-empty", true);

    // When the administrator describes an IMR programme at two sites, with phases and a site target
    await form.fillIdentity({ code: "IMR-BRI", name: "IMR in Brianza", practice: /^IMR — / });
    await form.setPhase("Pre-implementation", "2025-01-01", "2025-06-30");
    await form.setPhase("Implementation", "2025-07-01");
    await form.addSites(["MONZA", "BRIANZA"]);
    await form.setSiteTarget("MONZA", 12);
    // The practice's eligibility filled the parameters in
    expect(await form.field("Age band: to").inputValue()).toBe("65");
    await screenshot(page, "programme-new-filled", true);
    await form.submit();

    // Then the programme page shows both sites, MONZA with its own target and BRIANZA with the default
    await page.getByRole("heading", { level: 1, name: "IMR-BRI — IMR in Brianza" }).waitFor();
    const sites = page.getByRole("table", { name: "Sites and enrolment targets" });
    const monza = sites.getByRole("row").filter({ hasText: "MONZA" });
    const brianza = sites.getByRole("row").filter({ hasText: "BRIANZA" });
    expect(await monza.textContent()).toContain("12");
    expect(await brianza.textContent()).toContain("15");
    expect(await page.getByText("Implementation", { exact: true }).first().isVisible()).toBe(true);
    await page.reload();
    await page.getByRole("heading", { level: 1, name: "IMR-BRI — IMR in Brianza" }).waitFor();
    await screenshot(page, "programme-page");

    // When they edit it (a new name, a later sustainability phase), the saved version is shown
    await page.getByRole("link", { name: "Edit programme" }).click();
    await page.getByRole("heading", { level: 1, name: "Edit IMR-BRI" }).waitFor();
    await form.field("Name").fill("IMR in Brianza and Monza");
    await form.setPhase("Sustainability", "2027-01-01");
    await form.submit();
    await page.getByRole("heading", { level: 1, name: "IMR-BRI — IMR in Brianza and Monza" }).waitFor();
    await page.getByText("Sustainability", { exact: true }).first().waitFor();
    expect(await sites.getByRole("row").filter({ hasText: "MONZA" }).textContent()).toContain("12");

    // And it is in the administrator's programmes
    await page
      .getByRole("navigation", { name: "Main navigation" })
      .getByRole("link", { name: "IMR-BRI", exact: true })
      .waitFor();

    // When they open MONZA from the programme and add a professional to its implementation team
    await monza.getByRole("link", { name: "MONZA" }).click();
    await page.getByRole("heading", { level: 1, name: /^MONZA — / }).waitFor();
    const site = new SitePage(page);
    await site.team.waitFor();
    await site.addMember({
      code: "MONZA-IMR-01",
      profile: "Nurse",
      coordinator: false,
      trained: true,
      hours: 24,
    });

    // Then the new member is listed in the team, with profile, training and hours
    const row = site.row("MONZA-IMR-01");
    await row.waitFor();
    const text = await row.textContent();
    expect(text).toContain("Nurse");
    expect(text).toContain("24");

    // And the change survives a reload (it was saved on the server)
    await page.reload();
    await site.row("MONZA-IMR-01").waitFor();
    await screenshot(page, "site-team");
  });
});
