import type { HubSection } from "../../app/hub.tsx";
import { DashboardLink } from "./programme-link.tsx";

/** The dashboard's part of the hub pages (`app/hub.tsx`). */
export const indicatorsSections: HubSection[] = [
  { hub: "programme", slot: "links", order: 10, Component: DashboardLink },
];
