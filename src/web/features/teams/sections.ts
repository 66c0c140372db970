import type { HubSection } from "../../app/hub.tsx";
import { SiteTeamSection } from "./site-team-section.tsx";

/** Teams' part of the hub pages (`app/hub.tsx`). */
export const teamsSections: HubSection[] = [
  { hub: "site", slot: "team", order: 10, Component: SiteTeamSection },
];
