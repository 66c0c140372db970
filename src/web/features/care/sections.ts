import type { HubSection } from "../../app/hub.tsx";
import { CareSection } from "./care-section.tsx";

/** Care records' part of the patient page (`app/hub.tsx`): consent, care and crisis plans. */
export const careSections: HubSection[] = [
  { hub: "patient", slot: "sections", order: 15, Component: CareSection },
];
