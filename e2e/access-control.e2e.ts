import { describe, expect, it } from "vitest";
import { LoginPage } from "./pages/login-page.ts";
import { Shell } from "./pages/shell.ts";
import { ApiClient } from "./support/api-client.ts";
import { screenshot } from "./support/browser.ts";
import { worldPerFile } from "./support/fixtures.ts";
import { DEMO_PASSWORD } from "./support/server.ts";

const w = worldPerFile();

describe("access control", () => {
  it("a clinician sees no administration pages, and the server refuses them with 403", async () => {
    const { page } = await w.session();
    const shell = new Shell(page);

    // Given the Lecco clinician signed in
    await new LoginPage(page).signInAs("clinician");

    // Then the navigation offers their programmes and their site, and no administration
    await shell.navLink("LECCO").waitFor();
    expect(await shell.navigation.getByText("Administration").count()).toBe(0);
    for (const name of ["Structure", "Practices", "Users", "Audit log"]) {
      expect(await shell.navLink(name).count(), name).toBe(0);
    }
    // And the team of their site is read-only for them
    await shell.go("LECCO");
    await page.getByRole("table", { name: "Implementation team" }).waitFor();
    expect(await page.getByRole("button", { name: "Add professional" }).count()).toBe(0);
    expect(await page.getByRole("button", { name: /^Edit / }).count()).toBe(0);

    // When they type an administration address, the page explains instead of showing the tool
    for (const url of ["/admin/users", "/admin/audit", "/admin/structure", "/programmes/new"]) {
      await page.goto(url);
      await page.getByRole("heading", { level: 1, name: "No access" }).waitFor();
    }
    await screenshot(page, "no-access");

    // And the server itself refuses the same data and writes to their session (cookie and CSRF token of the browser)
    const me = (await (await page.request.get("/api/me")).json()) as { csrfToken: string };
    const headers = { "x-csrf-token": me.csrfToken };
    expect((await page.request.get("/api/users")).status()).toBe(403);
    expect((await page.request.get("/api/audit")).status()).toBe(403);
    expect(
      (await page.request.post("/api/regions", { headers, data: { code: "X", name: "X" } })).status(),
    ).toBe(403);
    expect(
      (
        await page.request.post("/api/programmes", {
          headers,
          data: { code: "X", name: "X", regionId: 1, practiceId: 1 },
        })
      ).status(),
    ).toBe(403);
    expect(
      (
        await page.request.post("/api/practices", { headers, data: { code: "X", name: "X", definition: {} } })
      ).status(),
    ).toBe(403);
    // A team member cannot be added by a clinician either
    const site = (await (await page.request.get("/api/me")).json()) as {
      sites: Array<{ id: number; code: string }>;
    };
    const lecco = site.sites.find((s) => s.code === "LECCO")!;
    expect(
      (
        await page.request.post("/api/professionals", {
          headers,
          data: { code: "LECCO-X1", siteId: lecco.id, profile: "nurse" },
        })
      ).status(),
    ).toBe(403);
  });

  it("the API refuses the administration endpoints to every role but administrator", async () => {
    for (const username of ["coordinator", "sitecoord", "clinician", "viewer"]) {
      const api = await ApiClient.login(w.server.url, username, DEMO_PASSWORD);
      expect((await api.get("/api/users")).status, `${username} GET /api/users`).toBe(403);
      expect((await api.get("/api/audit/verify")).status, `${username} GET /api/audit/verify`).toBe(403);
      expect(
        (await api.post("/api/sites", { regionId: 1, code: "NOPE", name: "Nope" })).status,
        `${username} POST /api/sites`,
      ).toBe(403);
    }
    const admin = await ApiClient.login(w.server.url, "admin", DEMO_PASSWORD);
    expect((await admin.get("/api/users")).status).toBe(200);
  });

  it("without a session, every page leads to the login page and back after signing in", async () => {
    const { page } = await w.session();
    await page.goto("/admin/audit");
    await page.getByRole("heading", { name: "Sign in" }).waitFor();
    await page.getByLabel("Username").fill("admin");
    await page.getByLabel(/^Password/).fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { level: 1, name: "Audit log" }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/admin/audit");
  });
});
