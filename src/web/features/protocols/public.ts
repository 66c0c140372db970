/**
 * What planning shows of protocols: the dimensions an action-plan activity or a SWOT item
 * addresses (set from those pages), and the sites' self-assessments on the planning overview.
 */
export { AssessmentOverviewCard } from "./assessment-overview-card.tsx";
export { PlanningLinksPanel } from "./planning-links-panel.tsx";
