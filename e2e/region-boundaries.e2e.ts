import { describe, expect, it } from "vitest";
import { seriousViolations } from "./pages/axe.ts";
import { LoginPage } from "./pages/login-page.ts";
import { ApiClient } from "./support/api-client.ts";
import { screenshot } from "./support/browser.ts";
import { worldPerFile } from "./support/fixtures.ts";
import { DEMO_PASSWORD } from "./support/server.ts";

const w = worldPerFile();

const square = (lon: number, lat: number) => [
  [
    [lon, lat],
    [lon + 0.4, lat],
    [lon + 0.4, lat + 0.3],
    [lon, lat + 0.3],
    [lon, lat],
  ],
];
const geojson = (features: object[]) =>
  Buffer.from(JSON.stringify({ type: "FeatureCollection", features }), "utf8");
const area = (code: string, coordinates: unknown) => ({
  type: "Feature",
  properties: { code },
  geometry: { type: "Polygon", coordinates },
});

describe("region boundaries", () => {
  it("an administrator uploads the demo region's area boundaries; a bad file is refused with its problems named", async () => {
    const { page } = await w.session();
    await new LoginPage(page).signInAs("admin");
    await page.goto("/admin/structure");
    const card = page
      .locator("div")
      .filter({ has: page.getByRole("heading", { name: /^Area boundaries of / }) })
      .last();
    await card.getByText("No area boundaries uploaded").waitFor();
    const input = card.locator('input[type="file"]');

    // A bad file: an area the region does not have, and a ring that does not close
    await input.setInputFiles({
      name: "bad.geojson",
      mimeType: "application/geo+json",
      buffer: geojson([
        area("ATS-NOWHERE", square(9, 45)),
        area("ATS-MI", [
          [
            [9, 45],
            [9.4, 45],
            [9.4, 45.3],
            [9, 45.3],
          ],
        ]),
      ]),
    });
    await card.getByRole("button", { name: "Upload" }).click();
    const alert = card.getByRole("alert");
    await alert.getByText("The file was refused; nothing was stored").waitFor();
    expect(await alert.textContent()).toContain("features.0.properties.code");
    expect(await alert.textContent()).toContain("ATS-NOWHERE");
    expect(await alert.textContent()).toContain("features.1.geometry.coordinates.0");
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "boundaries-refused", true);
    await card.getByText("No area boundaries uploaded").waitFor();

    // A good one: two areas of the demo region
    await input.setInputFiles({
      name: "lombardy.geojson",
      mimeType: "application/geo+json",
      buffer: geojson([area("ATS-MI", square(9.1, 45.4)), area("ATS-BRE", square(10.2, 45.5))]),
    });
    await card.getByRole("button", { name: "Upload" }).click();
    await card.getByText(/2 areas drawn \(ATS-BRE, ATS-MI\)/).waitFor();
    expect(await card.getByRole("alert").count()).toBe(0);
    await screenshot(page, "boundaries-accepted", true);

    // And the region's coordinator reads what is stored through the API
    const api = await ApiClient.login(w.server.url, "coordinator", DEMO_PASSWORD);
    const regions = (await api.get("/api/regions")).json as Array<{ id: number; code: string }>;
    const stored = await api.get(`/api/regions/${regions[0]!.id}/boundaries`);
    expect(stored.json).toMatchObject({
      boundaries: { features: 2, areas: ["ATS-BRE", "ATS-MI"] },
      canUpload: true,
    });
  });
});
