import type { HubSection } from "../../app/hub.tsx";
import { PatientMeasuresSection } from "./patient-measures-section.tsx";
import { ProgrammeMeasuresLinks } from "./programme-measures-links.tsx";
import { SiteMeasuresLinks } from "./site-measures-links.tsx";

/** The measures' parts of the hub pages (`app/hub.tsx`). */
export const measuresSections: HubSection[] = [
  { hub: "programme", slot: "links", order: 20, Component: ProgrammeMeasuresLinks },
  { hub: "site", slot: "links", order: 20, Component: SiteMeasuresLinks },
  { hub: "patient", slot: "sections", order: 20, Component: PatientMeasuresSection },
];
