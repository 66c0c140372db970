import type { AnalysisRequest } from "./validate-request.ts";

/** A ready-made analysis: its parameters and where it comes from. */
export interface Preset extends AnalysisRequest {
  id: string;
  /** The study whose analysis it repeats. */
  source: string;
  description: string;
}

const FERRARA = "Ferrara IMR study (DAISM-DP, 2017–2021)";

/**
 * The Ferrara IMR study's own analyses (seed document: client and provider IMRS correlated,
 * outcomes and modules compared between the services that delivered IMR — CMHC, SerD, EDP — by
 * ANOVA and chi-square), plus its pre/post comparison by how much of the curriculum was received.
 * Every preset passes `requestIssues` (tested).
 */
export const PRESETS: readonly Preset[] = [
  {
    id: "imrs_client_vs_clinician",
    source: FERRARA,
    description: "Client versus clinician IMRS total of the same patient: paired t-test",
    outcome: "imrs_client_clinician",
    grouping: "none",
    test: "paired_t",
  },
  {
    id: "imrs_client_clinician_correlation",
    source: FERRARA,
    description: "Correlation of client and clinician IMRS totals (Pearson's r, as the study reports)",
    outcome: "imrs_client_clinician",
    grouping: "none",
    test: "pearson",
  },
  {
    id: "imrs_pre_post_by_modules",
    source: FERRARA,
    description: "Client IMRS at baseline and at follow-up, by IMR modules received: paired t-test per band",
    outcome: "score_pre_post",
    instrument: "IMRS-CLIENT",
    grouping: "imr_modules_band",
    test: "paired_t",
  },
  {
    id: "imrs_by_service",
    source: FERRARA,
    description: "Client IMRS at follow-up by the kind of service that delivered IMR: one-way ANOVA",
    outcome: "score_follow_up",
    instrument: "IMRS-CLIENT",
    grouping: "service_kind",
    test: "anova",
  },
  {
    id: "modules_by_service",
    source: FERRARA,
    description: "IMR modules received by the kind of service that delivered IMR: one-way ANOVA",
    outcome: "imr_modules",
    grouping: "service_kind",
    test: "anova",
  },
  {
    id: "sex_by_service",
    source: FERRARA,
    description: "Sex of the patients by the kind of service that delivered IMR: chi-square",
    outcome: "sex",
    grouping: "service_kind",
    test: "chi_square",
  },
];
