import type { HubSection } from "../../app/hub.tsx";
import { PlanningLink } from "./planning-link.tsx";

/** Planning's part of the hub pages (`app/hub.tsx`). */
export const planningSections: HubSection[] = [
  { hub: "programme", slot: "links", order: 40, Component: PlanningLink },
];
