import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Download } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousViolations } from "./pages/axe.ts";
import { LoginPage } from "./pages/login-page.ts";
import { Shell } from "./pages/shell.ts";
import { screenshot } from "./support/browser.ts";
import { createWorld, type World } from "./support/fixtures.ts";

/**
 * Issue 13, part 2: the directory of services. A regional coordinator adds a service, finds it
 * by searching, exports the CSV and imports a file with a bad line (the report names it as
 * file:line); an administrator switches the public page on, and a browser without a session
 * sees the service there but not its private phone.
 */
let w: World;
let dir: string;
beforeAll(async () => {
  w = await createWorld();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "praxis-e2e-directory-"));
});
afterAll(async () => {
  await w?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const HEADER =
  "service_code,service_name,sector,description,area_codes,eligibility,referral_route,referral_how,phone,phone_private,email,email_private,web,web_private,opening_hours,languages,active";

describe("the directory of services", () => {
  it("a coordinator adds, finds, exports and imports; an administrator publishes; the public sees no private contact", async () => {
    const { page } = await w.session();
    await new LoginPage(page).signInAs("coordinator");
    await new Shell(page).navLink("Directory of services").click();
    await page.getByRole("heading", { level: 1, name: "Directory of services" }).waitFor();

    // The coordinator adds a service with a private phone and a public e-mail address
    await page.getByRole("button", { name: "Add a service" }).click();
    const form = page.getByRole("dialog", { name: "Add a service" });
    await form.getByLabel(/^Code/).fill("E2E-CASA");
    await form.getByLabel(/^Name/).fill("Sportello casa e abitare Lecco");
    await form
      .locator("input")
      .and(page.getByLabel(/^Sector/))
      .click();
    await page.getByRole("option", { name: "Housing", exact: true }).click();
    await form
      .getByLabel("Description")
      .fill("Orientamento per la ricerca di un alloggio e sostegno all'affitto");
    await form.getByLabel("Phone").fill("+39 0341 555123");
    await form
      .getByRole("checkbox", { name: /Private/ })
      .first()
      .check();
    await form.getByLabel("E-mail").fill("casa@example.org");
    await form.getByLabel(/^Languages/).fill("it, en");
    // a web address without its scheme is refused next to its field
    await form.getByLabel("Web site").fill("example.org");
    await form.getByRole("button", { name: "Save" }).click();
    await form.getByText(/http/).first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await form.getByLabel("Web site").fill("https://example.org/casa");
    await form.getByRole("button", { name: "Save" }).click();
    await form.waitFor({ state: "detached" });

    // … and finds it by searching
    await page.getByRole("searchbox", { name: "Search" }).fill("alloggio");
    const link = page.getByRole("button", { name: "Open Sportello casa e abitare Lecco" });
    await link.waitFor();
    await link.click();
    const drawer = page.getByRole("dialog", { name: /Details of Sportello casa/ });
    await drawer.getByText("+39 0341 555123").waitFor();
    await drawer.getByText("private").waitFor();
    await screenshot(page, "directory-drawer");
    expect(await seriousViolations(page)).toEqual([]);
    await drawer.getByRole("button", { name: "Close" }).click();
    await drawer.waitFor({ state: "detached" });
    await screenshot(page, "directory-page");
    expect(await seriousViolations(page)).toEqual([]);

    // Export: the file holds the service
    const waiting: Promise<Download> = page.waitForEvent("download");
    await page.getByRole("link", { name: "Export CSV" }).click();
    const download = await waiting;
    const exported = fs.readFileSync((await download.path())!, "utf8");
    expect(exported.split("\n")[0]).toBe(HEADER);
    expect(exported).toContain("E2E-CASA,Sportello casa e abitare Lecco,housing");

    // Import a file whose second service has an unknown sector: the report names file and line
    const file = path.join(dir, "servizi.csv");
    fs.writeFileSync(
      file,
      `${HEADER}\nE2E-OK,Gruppo di auto-aiuto,peer_support,,,,self,,,N,,N,,N,,it,Y\nE2E-BAD,Servizio termale,spa,,,,self,,,N,,N,,N,,it,Y\n`,
    );
    await page.getByRole("button", { name: "Import CSV" }).click();
    const importer = page.getByRole("dialog", { name: "Import services from CSV" });
    await importer.locator('input[type="file"]').setInputFiles(file);
    await importer.getByRole("button", { name: "Import", exact: true }).click();
    await importer.getByText("Rejected: 1 problem. Nothing was imported.").waitFor();
    await importer.getByText(/^servizi\.csv:3: sector: must be one of/).waitFor();
    await screenshot(page, "directory-import-rejected");
    expect(await seriousViolations(page)).toEqual([]);
    await importer.getByRole("button", { name: "Close" }).first().click();
    await page.getByRole("searchbox", { name: "Search" }).fill("auto-aiuto");
    await page.getByText("No service matches.").waitFor();

    // The administrator switches the region's public page on
    const admin = await w.session();
    await new LoginPage(admin.page).signInAs("admin");
    await admin.page.goto("/directory");
    await admin.page.getByRole("heading", { level: 1, name: "Directory of services" }).waitFor();
    await admin.page.getByRole("switch", { name: "Public page on" }).click({ force: true });
    await admin.page.getByRole("link", { name: /Open the public page/ }).waitFor();

    // A browser without a session sees the service, not its private phone
    const visitor = await w.session();
    await visitor.page.goto("/public/directory/LOM");
    await visitor.page.getByRole("heading", { level: 1, name: "Services in Lombardia" }).waitFor();
    const card = visitor.page.getByRole("article", { name: "Sportello casa e abitare Lecco" });
    await card.getByText("casa@example.org").waitFor();
    expect(await card.getByText("555123").count()).toBe(0);
    expect(await visitor.page.content()).not.toContain("555123");
    await screenshot(visitor.page, "directory-public", true);
    expect(await seriousViolations(visitor.page)).toEqual([]);
  }, 240_000);
});
