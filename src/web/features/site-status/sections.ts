import type { HubSection } from "../../app/hub.tsx";
import { RegionFunnelCard } from "./region-funnel-card.tsx";
import { SiteStatusCard } from "./site-status-card.tsx";

/** Site status's parts of the hub pages (`app/hub.tsx`): the funnel only for those who edit the programme. */
export const siteStatusSections: HubSection[] = [
  { hub: "programme", slot: "cards", order: 10, Component: SiteStatusCard },
  { hub: "programme", slot: "cards", order: 20, when: (p) => p.canEdit, Component: RegionFunnelCard },
];
