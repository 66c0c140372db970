import { analysisSections } from "../features/analysis/sections.ts";
import { careSections } from "../features/care/sections.ts";
import { indicatorsSections } from "../features/indicators/sections.ts";
import { measuresSections } from "../features/measures/sections.ts";
import { offersSections } from "../features/offers/sections.ts";
import { pathwaysSections } from "../features/pathways/sections.ts";
import { planningSections } from "../features/planning/sections.ts";
import { registrySections } from "../features/registry/sections.ts";
import { siteStatusSections } from "../features/site-status/sections.ts";
import { teamsSections } from "../features/teams/sections.ts";
import type { HubSection } from "./hub.tsx";

/**
 * Every feature's parts of the hub pages (see `hub.tsx`), collected in this one place: a feature
 * that adds a part to the site, programme or patient page lists it in its own `sections.ts` and
 * adds one line here.
 */
export const HUB_SECTIONS: readonly HubSection[] = [
  ...registrySections,
  ...measuresSections,
  ...teamsSections,
  ...indicatorsSections,
  ...analysisSections,
  ...planningSections,
  ...siteStatusSections,
  ...offersSections,
  ...careSections,
  ...pathwaysSections,
];
