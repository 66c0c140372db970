import type { HubSection } from "../../app/hub.tsx";
import { DeclinedOffersSection } from "./declined-offers-section.tsx";

/** Offers' part of the hub pages (`app/hub.tsx`). */
export const offersSections: HubSection[] = [
  { hub: "patient", slot: "sections", order: 10, Component: DeclinedOffersSection },
];
