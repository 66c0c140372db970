import { describe, expect, it } from "vitest";
import { LoginPage } from "./pages/login-page.ts";
import { errorOf, labelled, Shell } from "./pages/shell.ts";
import { screenshot } from "./support/browser.ts";
import { worldPerFile } from "./support/fixtures.ts";

const w = worldPerFile();

describe("administration", () => {
  it("an administrator creates a clinician, who must choose a password at first sign-in", async () => {
    const { page } = await w.session();
    await new LoginPage(page).signInAs("admin");
    await new Shell(page).go("Users");
    await page.getByRole("heading", { level: 1, name: "Users" }).waitFor();

    // When the administrator creates a user with a clinician role at CREMONA
    await page.getByRole("button", { name: "New user" }).click();
    const dialog = page.getByRole("dialog", { name: "New user" });
    await dialog.getByLabel(labelled("Username")).fill("cremona.cm1");
    await dialog.getByLabel("Display name").fill("Cremona case manager");
    await dialog.getByLabel(labelled("First password")).fill("first-password-1");
    await dialog.locator("input").and(dialog.getByLabel("Site of role 1")).click();
    await page.getByRole("option", { name: /^CREMONA — / }).click();
    await screenshot(page, "user-new");
    await dialog.getByRole("button", { name: "Save" }).click();
    await dialog.waitFor({ state: "detached" });

    // Then the user is listed with the role and site
    const row = page.getByRole("row").filter({ hasText: "cremona.cm1" });
    expect(await row.textContent()).toContain("Clinician · CREMONA");
    expect(await row.textContent()).toContain("must change password");

    // When the new user signs in, they are sent to the password page first
    await new Shell(page).signOut("Regional IT office");
    await page.getByRole("heading", { name: "Sign in" }).waitFor();
    await page.getByLabel("Username").fill("cremona.cm1");
    await page.getByLabel(/^Password/).fill("first-password-1");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { level: 1, name: "Change password" }).waitFor();

    // A wrong current password is reported next to that field
    const current = page.getByLabel(labelled("Current password"));
    await current.fill("not-my-password");
    await page.getByLabel(labelled("New password")).fill("my-own-password-2");
    await page.getByLabel(labelled("Repeat the new password")).fill("my-own-password-2");
    await page.getByRole("button", { name: "Change password" }).click();
    await page.waitForFunction(() => document.querySelector('[aria-invalid="true"]') !== null);
    expect(await errorOf(current)).toMatch(/does not match/);

    // With the right one, they reach their home page and their site
    await current.fill("first-password-1");
    await page.getByRole("button", { name: "Change password" }).click();
    await page.getByRole("heading", { level: 1, name: "Welcome, Cremona case manager" }).waitFor();
    await new Shell(page).navLink("CREMONA").waitFor();
  });

  it("saving a practice makes a new version, listed with who saved it", async () => {
    const { page } = await w.session();
    await new LoginPage(page).signInAs("admin");
    await new Shell(page).go("Practices");
    await page.getByRole("link", { name: "IMR", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: /^IMR — / }).waitFor();

    // When the administrator adds a practice-specific intervention type, not psychosocial
    await page.getByRole("button", { name: "Add intervention type" }).click();
    const codes = page.getByLabel("Type code");
    await codes.last().fill("imr_phone_call");
    await page.getByLabel("Label").last().fill("IMR phone follow-up");
    await page.getByLabel("Psychosocial").last().uncheck();
    await page.getByRole("button", { name: "Save as new version" }).click();

    // Then the practice is at version 2, and the history names the author of each version
    await page.getByText("Version 2", { exact: true }).waitFor();
    await page.getByRole("tab", { name: "Version history" }).click();
    const history = page.getByRole("table", { name: "Version history" });
    await history.getByRole("row").filter({ hasText: "v2" }).filter({ hasText: "admin" }).waitFor();
    await history.getByRole("row").filter({ hasText: "v1" }).waitFor();
    await history.getByRole("button", { name: "Show v2" }).click();
    await page.getByText("imr_phone_call: IMR phone follow-up").waitFor();
    await screenshot(page, "practice-history");

    // And a base-taxonomy code is refused next to the field
    await page.getByRole("tab", { name: "Definition" }).click();
    await page.getByRole("button", { name: "Add intervention type" }).click();
    await page.getByLabel("Type code").last().fill("nursing");
    await page.getByLabel("Label").last().fill("Nursing again");
    await page.getByRole("button", { name: "Save as new version" }).click();
    await page.waitForFunction(() => document.querySelector('[aria-invalid="true"]') !== null);
    expect(await errorOf(page.getByLabel("Type code").last())).toMatch(/base taxonomy/);
  });

  it("the audit log lists the changes with before and after, pages back, and verifies its chain", async () => {
    const { page } = await w.session();
    await new LoginPage(page).signInAs("admin");
    await new Shell(page).go("Audit log");
    await page.getByRole("heading", { level: 1, name: "Audit log" }).waitFor();

    // Filter on practice updates: the one of the previous scenario, by admin
    await page.getByLabel("Record type").fill("practice");
    await page.getByLabel("Action").fill("update");
    await page.getByRole("button", { name: "Apply filters" }).click();
    const table = page.getByRole("table", { name: "Audit log" });
    const entry = table.getByRole("row").filter({ hasText: "update" }).first();
    await entry.waitFor();
    expect(await entry.textContent()).toContain("admin");
    await entry.getByRole("button", { name: /^Show/ }).click();
    await table.getByText("Before", { exact: true }).waitFor();
    await table.getByText("After", { exact: true }).waitFor();
    await screenshot(page, "audit-detail");

    // Without filters, older entries come a page at a time
    await page.getByRole("button", { name: "Clear" }).click();
    const rows = table.getByRole("row");
    await page
      .getByRole("button", { name: "Load older entries" })
      .or(page.getByText("Beginning of the log."))
      .first()
      .waitFor();

    // The chain verifies
    await page.getByRole("button", { name: "Verify the chain" }).click();
    await page.getByText("The chain is intact").waitFor();
    expect(await rows.count()).toBeGreaterThan(1);
  });
});
