import type { HubSection } from "../../app/hub.tsx";
import { AnalysisLink } from "./analysis-link.tsx";

/** Analysis's part of the hub pages (`app/hub.tsx`). */
export const analysisSections: HubSection[] = [
  { hub: "programme", slot: "links", order: 30, Component: AnalysisLink },
];
