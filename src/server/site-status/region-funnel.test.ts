import { describe, expect, it } from "vitest";
import { type FunnelSite, type FunnelStageName, stageOf, summariseRegionFunnel } from "./region-funnel.ts";

const site = (code: string, over: Partial<FunnelSite> = {}): FunnelSite => ({
  siteId: code.charCodeAt(0),
  siteCode: code,
  siteName: code,
  inProgramme: true,
  trainedProfessionals: 0,
  deliveringProfessionals: 0,
  enrolled: 0,
  status: null,
  ...over,
});

describe("stageOf", () => {
  it.each<[string, Partial<FunnelSite>, FunnelStageName]>([
    ["nobody trained, nothing recorded", {}, "not_trained"],
    ["trained, no patient", { trainedProfessionals: 3 }, "never_started"],
    ["trained, preparing, no patient", { trainedProfessionals: 3, status: "preparing" }, "never_started"],
    ["trained, patients enrolled", { trainedProfessionals: 3, enrolled: 4 }, "implementing"],
    ["patients but nobody trained", { enrolled: 2 }, "implementing"],
    ["trained, stopped before starting", { trainedProfessionals: 2, status: "stopped" }, "paused_or_stopped"],
    [
      "implementing, then paused",
      { trainedProfessionals: 2, enrolled: 5, status: "paused" },
      "paused_or_stopped",
    ],
    ["stopped then active again", { trainedProfessionals: 2, enrolled: 5, status: "active" }, "implementing"],
    ["outside the programme, trained", { inProgramme: false, trainedProfessionals: 1 }, "never_started"],
  ])("%s → %s", (_, over, expected) => {
    expect(stageOf(site("A", over))).toBe(expected);
  });
});

describe("summariseRegionFunnel", () => {
  it.each<[string, FunnelSite[], Record<string, { sites: number; professionals: number }>]>([
    [
      "an empty region",
      [],
      {
        trained: { sites: 0, professionals: 0 },
        started: { sites: 0, professionals: 0 },
        implementing: { sites: 0, professionals: 0 },
        neverStarted: { sites: 0, professionals: 0 },
        pausedOrStopped: { sites: 0, professionals: 0 },
      },
    ],
    [
      "the report's shape: trained everywhere, some never started, one stopped",
      [
        site("A", { trainedProfessionals: 10, deliveringProfessionals: 6, enrolled: 20 }),
        site("B", { trainedProfessionals: 5, deliveringProfessionals: 0, enrolled: 0 }),
        site("C", { trainedProfessionals: 4, deliveringProfessionals: 2, enrolled: 3, status: "stopped" }),
        site("D", { inProgramme: false, trainedProfessionals: 2 }),
        site("E"),
      ],
      {
        trained: { sites: 4, professionals: 21 },
        started: { sites: 2, professionals: 8 },
        implementing: { sites: 1, professionals: 6 },
        neverStarted: { sites: 2, professionals: 13 },
        pausedOrStopped: { sites: 1, professionals: 4 },
      },
    ],
  ])("%s", (_, sites, expected) => {
    const out = summariseRegionFunnel(sites);
    expect({
      trained: out.trained,
      started: out.started,
      implementing: out.implementing,
      neverStarted: out.neverStarted,
      pausedOrStopped: out.pausedOrStopped,
    }).toEqual(expected);
    expect(out.regionSites).toBe(sites.length);
  });
});
