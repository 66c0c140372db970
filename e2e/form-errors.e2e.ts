import { describe, expect, it } from "vitest";
import { LoginPage } from "./pages/login-page.ts";
import { ProgrammeFormPage } from "./pages/programme-form-page.ts";
import { errorOf, labelled, Shell } from "./pages/shell.ts";
import { screenshot } from "./support/browser.ts";
import { worldPerFile } from "./support/fixtures.ts";

const w = worldPerFile();

describe("errors from the server, next to their fields", () => {
  it("a programme form shows a phase's bad dates and a duplicate code where they are", async () => {
    const { page } = await w.session();
    await new LoginPage(page).signInAs("admin");
    const form = new ProgrammeFormPage(page);
    await form.openNew();

    // Given a programme whose code is already used and whose implementation ends before it starts
    await form.fillIdentity({ code: "BPD-LOM", name: "A second BPD programme", practice: /^BPD-STEPPED — / });
    await form.setPhase("Implementation", "2025-06-01", "2025-01-31");
    await form.addSites(["LECCO"]);

    // When it is saved, the server's validation names the implementation's end date
    await form.submit();
    const implementationEnd = page
      .getByRole("group", { name: "Implementation", exact: true })
      .getByLabel("End date", { exact: true });
    await page.waitForFunction(() => document.querySelectorAll('[aria-invalid="true"]').length > 0);
    expect(await errorOf(implementationEnd)).toMatch(/on or after/);
    expect(await errorOf(form.field("Code"))).toBeNull();

    // When the dates are fixed, the conflict on the code shows next to the code
    await implementationEnd.fill("2025-12-31");
    await page.keyboard.press("Escape");
    await form.submit();
    await page.waitForFunction(
      () => document.querySelector('[aria-invalid="true"]')?.getAttribute("value") === "BPD-LOM",
    );
    expect(await errorOf(form.field("Code"))).toBe("Code is already used");
    expect(await errorOf(implementationEnd)).toBeNull();
    await screenshot(page, "programme-duplicate-code");

    // And nothing was created: the user is still on the form
    expect(new URL(page.url()).pathname).toBe("/programmes/new");
  });

  it("a structure modal shows a duplicate site code next to the code, in the user's language", async () => {
    const { page } = await w.session();
    await new LoginPage(page).signInAs("admin");
    await new Shell(page).switchLanguage("Regional IT office", "Italiano");
    await page.goto("/admin/structure");
    await page.getByRole("heading", { level: 1, name: "Struttura" }).waitFor();

    await page.getByRole("button", { name: "Nuova sede" }).click();
    const dialog = page.getByRole("dialog", { name: "Nuova sede" });
    const code = dialog.getByLabel(labelled("Codice"));
    await code.fill("LECCO");
    await dialog.getByLabel(labelled("Nome")).fill("Un'altra Lecco");
    await dialog.getByRole("button", { name: "Salva" }).click();
    await page.waitForFunction(
      () => document.querySelector('[role="dialog"] [aria-invalid="true"]') !== null,
    );
    expect(await errorOf(code)).toBe("Codice: è già in uso");
    await screenshot(page, "site-duplicate-it");
  });
});
