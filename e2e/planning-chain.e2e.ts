import fs from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousViolations, settle } from "./pages/axe.ts";
import { LoginPage } from "./pages/login-page.ts";
import { choose } from "./pages/registry.ts";
import { ApiClient } from "./support/api-client.ts";
import { SHOTS_DIR } from "./support/browser.ts";
import { createWorld, type World } from "./support/fixtures.ts";
import { DEMO_PASSWORD } from "./support/server.ts";

/**
 * Issue 13, parts 6 and 7. The demo's regional coordinator links a small chain through the UI —
 * a SWOT item to a ToC output from the item's dialog, an activity to an indicator from the
 * activity's dialog, a SANA finding and a roadmap objective from the chain view — follows it both
 * ways, and sees a broken link flagged once a later roadmap version drops the objective. Then the
 * RECO questionnaire is added from its page, answered for two services, and the page shows their
 * models. axe and screenshots on every page.
 */
let w: World;
let api: ApiClient;
let bpd: number;
let sites: Array<{ siteId: number; code: string }>;
beforeAll(async () => {
  w = await createWorld();
  api = await ApiClient.login(w.server.url, "coordinator", DEMO_PASSWORD);
  const list = (await api.get("/api/programmes")).json as Array<{ id: number; code: string }>;
  bpd = list.find((p) => p.code === "BPD-LOM")!.id;
  sites = ((await api.get(`/api/programmes/${bpd}`)).json as { sites: typeof sites }).sites;
});
afterAll(async () => {
  await w?.close();
});

const shot = async (page: Page, name: string) => {
  fs.mkdirSync(`${SHOTS_DIR}/chain`, { recursive: true });
  await page.screenshot({ path: `${SHOTS_DIR}/chain/${name}.png`, fullPage: true });
};
const planning = (path: string) => `/api/programmes/${bpd}/planning/${path}`;

async function save(path: string, content: object) {
  const current = (await api.get(planning(path))).json as { version: number };
  const res = await api.request("PUT", planning(path), { baseVersion: current.version, ...content });
  expect(res.status, JSON.stringify(res.json)).toBe(200);
}

const ACTIVITY = { start: "2026-01-01", end: "2026-12-31", responsibleActor: "Coordination group" };

describe("the traceable chain", () => {
  it("is linked through the UI, followed both ways, and flags a broken link", async () => {
    await save("sana/template", {
      areas: [
        {
          id: "ar1",
          title: "Services",
          indicators: [{ id: "f-wait", name: "Waiting list", type: "number" }],
        },
      ],
    });
    await save("swot/region", {
      items: [{ id: "w-late", quadrant: "weakness", text: "Late first contact" }],
    });
    await save("toc/region", {
      nodes: [{ id: "o-enrol", type: "output", text: "Patients enrolled early" }],
      edges: [],
    });
    await save("action-plan/region", {
      strategicAreas: [
        {
          id: "sa1",
          title: "Care pathways",
          subAreas: [
            {
              id: "sub1",
              title: "Enrolment",
              activities: [
                { id: "a-screen", title: "Weekly screening", tocOutputNodeId: "o-enrol", ...ACTIVITY },
              ],
            },
          ],
        },
      ],
    });
    await save("roadmap/region", {
      objectives: [{ id: "r-screen", objective: "Screen every new patient", timeframe: "2026" }],
    });

    const { page } = await w.session();
    await new LoginPage(page).signInAs("coordinator");
    const plan = `${w.server.url}/programmes/${bpd}/planning`;

    // from the SWOT item's own dialog: the item leads to the ToC output
    await page.goto(`${plan}/swot/region`);
    await settle(page, /^SWOT/);
    await page.getByRole("button", { name: "Edit Late first contact" }).click();
    const swotDialog = page.getByRole("dialog");
    await swotDialog.getByText("Links in the chain").waitFor();
    await choose(swotDialog, "New link (Theory of Change node)", "Patients enrolled early");
    await swotDialog.getByRole("button", { name: "Add link", disabled: false }).click();
    await swotDialog.getByText("Patients enrolled early").waitFor();
    await shot(page, "swot-item-chain-links");
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press("Escape");

    // from the activity's own dialog: the activity leads to an indicator
    await page.goto(`${plan}/action-plan/region`);
    await settle(page, /^Action plan/);
    await page
      .getByRole("button", { name: /Weekly screening/ })
      .first()
      .click();
    const actDialog = page.getByRole("dialog");
    await actDialog.getByText("Links in the chain").waitFor();
    // the ToC output it addresses is set in the plan itself
    await actDialog.getByText("set in the artefact").waitFor();
    await actDialog.getByLabel("New link (indicator)").click();
    const firstIndicator = page.getByRole("option").first();
    const indicatorLabel = (await firstIndicator.textContent())!.trim();
    await firstIndicator.click();
    await actDialog.getByRole("button", { name: "Add link", disabled: false }).click();
    await actDialog.getByText(indicatorLabel, { exact: true }).waitFor();
    await shot(page, "activity-chain-links");
    await page.keyboard.press("Escape");

    // from the chain view: the SANA finding before, the roadmap objective after
    await page.goto(`${plan}/chain/region`);
    await settle(page, /^Chain/);
    await choose(page, "Follow the chain from", "Late first contact");
    await choose(page, "New link (situation-analysis finding)", "Waiting list");
    await page.getByRole("button", { name: "Add link", disabled: false }).click();
    await page.getByRole("button", { name: /Remove the link to Waiting list/ }).waitFor();
    await choose(
      page,
      "Follow the chain from",
      new RegExp(`^${indicatorLabel.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`),
    );
    await shot(page, "chain-indicator");
    await choose(page, "New link (roadmap objective)", "Screen every new patient");
    await page.getByRole("button", { name: "Add link", disabled: false }).click();
    await page.getByRole("button", { name: /Remove the link to Screen every new patient/ }).waitFor();

    // followed both ways from the ToC output: the finding and the SWOT item upstream, the rest downstream
    await choose(page, "Follow the chain from", "Patients enrolled early");
    const followed = page.getByRole("list", { name: "The chain, from the first step to the last" });
    // the list shown before (from the indicator) holds the same steps: wait for the new focus's heading
    await page.getByRole("heading", { name: "The chain through “Patients enrolled early”" }).waitFor();
    const steps = async () =>
      (await followed.locator("li").allTextContents()).map((s) =>
        s
          .trim()
          .replace(
            /^(situation-analysis finding|SWOT item|Theory of Change node|activity|indicator|roadmap objective)/,
            "$1 ·",
          ),
      );
    await expect
      .poll(steps)
      .toEqual([
        "situation-analysis finding ·Waiting list",
        "SWOT item ·Late first contact",
        "Theory of Change node ·Patients enrolled early",
        "activity ·Weekly screening",
        `indicator ·${indicatorLabel}`,
        "roadmap objective ·Screen every new patient",
      ]);
    // the output itself names no indicator of its own: the one step still flagged
    const flagList = page.getByTestId("chain-flags");
    await flagList.getByText(/Theory of Change output with no indicator/).waitFor();
    expect(await flagList.locator("li").count()).toBe(1);
    await shot(page, "chain-followed");
    expect(await seriousViolations(page)).toEqual([]);

    // a later roadmap version drops the objective: the link is flagged broken
    await save("roadmap/region", {
      objectives: [{ id: "r-other", objective: "Train every team", timeframe: "2027" }],
    });
    await page.reload();
    await settle(page, /^Chain/);
    const flags = page.getByTestId("chain-flags");
    await flags.getByText("Broken link").waitFor();
    expect(await flags.textContent()).toContain("“r-screen” is gone");
    await shot(page, "chain-broken-link");
    expect(await seriousViolations(page)).toEqual([]);
  });
});

describe("the RECO mapping survey", () => {
  it("is added from its page, answered for two services, and shows their models", async () => {
    const { page } = await w.session();
    await new LoginPage(page).signInAs("coordinator");
    await page.goto(`${w.server.url}/programmes/${bpd}/planning/reco`);
    await settle(page, /^Co-occurring conditions/);
    await page.getByRole("button", { name: "Add the RECO mapping questionnaire" }).click();
    await page.getByText(/has no round yet/).waitFor();

    const qs = (await api.get(planning("questionnaires"))).json as Array<{ id: number; code: string }>;
    const q = qs.find((x) => x.code === "RECO")!.id;
    const round = await api.post(planning(`questionnaires/${q}/rounds`), {
      label: "Mapping 2026",
      opensOn: "2026-01-01",
      closesOn: "2026-12-31",
    });
    expect(round.status).toBe(201);
    const r = (round.json as { id: number }).id;
    const [one, two] = sites;
    const answer = async (site: number, values: Record<string, string>) => {
      const res = await api.request("PUT", planning(`questionnaires/${q}/rounds/${r}/sites/${site}`), {
        baseVersion: 0,
        submitted: true,
        answers: Object.entries(values).map(([question, value]) => ({ question, value })),
      });
      expect(res.status, JSON.stringify(res.json)).toBe(200);
    };
    // answered as the sites' teams would, through the coordinator's API session (seeding allowed to admins only):
    const admin = await ApiClient.login(w.server.url, "admin", DEMO_PASSWORD);
    api = admin;
    await answer(one!.siteId, {
      lead: "yes",
      link_workers: "yes",
      training: "yes",
      specialist_team: "no",
      network: "no",
    });
    await answer(two!.siteId, {
      lead: "no",
      link_workers: "yes",
      training: "no",
      specialist_team: "no",
      network: "yes",
    });

    await page.reload();
    await settle(page, /^Co-occurring conditions/);
    await page.getByTestId(`reco-${one!.code}`).getByText("Lead and link").waitFor();
    await page.getByTestId(`reco-${two!.code}`).getByText("Network").waitFor();
    await page.getByRole("img", { name: "Number of services per model of care in each area" }).waitFor();
    await shot(page, "reco-results");
    expect(await seriousViolations(page)).toEqual([]);
  });
});
