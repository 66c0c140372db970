import type { HubSection } from "../../app/hub.tsx";
import { CoordinatorSection } from "./coordinator-section.tsx";
import { QuadrantSection } from "./quadrant-section.tsx";
import { ReferralsSection } from "./referrals-section.tsx";
import { WaitingTimesCard } from "./waiting-times-card.tsx";

/**
 * Care pathways' parts of the hub pages (`app/hub.tsx`): the named coordinator, the Four Quadrants
 * and the referrals at the top of the patient page; the waiting times on the programme page.
 */
export const pathwaysSections: HubSection[] = [
  { hub: "patient", slot: "sections", order: 1, Component: CoordinatorSection },
  { hub: "patient", slot: "sections", order: 2, Component: QuadrantSection },
  { hub: "patient", slot: "sections", order: 3, Component: ReferralsSection },
  { hub: "programme", slot: "cards", order: 15, Component: WaitingTimesCard },
];
