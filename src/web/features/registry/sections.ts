import type { HubSection } from "../../app/hub.tsx";
import { SiteRegistryLinks } from "./site-registry-links.tsx";

/** The registry's part of the hub pages (`app/hub.tsx`). */
export const registrySections: HubSection[] = [
  { hub: "site", slot: "links", order: 10, Component: SiteRegistryLinks },
];
