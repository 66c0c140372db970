import type { FidelityScale, ScaleItem } from "../scale.ts";

const five = (low: string, high: string): Record<number, string> => ({
  1: low,
  3: "Partly in place: done for some clients or some of the time",
  5: high,
});

const item = (id: string, name: string, description: string, low: string, high: string): ScaleItem => ({
  id,
  level: "organisation",
  name,
  description,
  anchors: five(low, high),
});

/**
 * The General Organizational Index: 12 items rated 1–5 about the organisation that delivers an
 * evidence-based practice. Item names follow the published index; descriptions and anchors are in
 * our own words. Cut-offs as for the IMR Fidelity Scale (our choice, documented).
 */
export const GOI: FidelityScale = {
  code: "GOI",
  name: "General Organizational Index",
  practices: [],
  version: "1",
  source:
    "General Organizational Index, SAMHSA Evidence-Based Practices KITs; McHugo GJ et al. Fidelity outcomes in the National Implementing Evidence-Based Practices Project. Psychiatr Serv 2007;58:1279–1284.",
  notice: "Item names from the public-domain index; descriptions and anchors reworded for Praxis.",
  range: { min: 1, max: 5 },
  levels: ["organisation"],
  lowThreshold: 3,
  cutoffs: [
    { min: 1, code: "low", label: "Low (< 3)" },
    { min: 3, code: "moderate", label: "Moderate (3 to < 4)" },
    { min: 4, code: "high", label: "High (≥ 4)" },
  ],
  items: [
    item(
      "G1",
      "Program philosophy",
      "Staff, managers and clients understand and share the practice's principles.",
      "Few know the principles",
      "Everyone involved knows and applies them",
    ),
    item(
      "G2",
      "Eligibility / client identification",
      "Every client who could benefit is screened and offered the practice.",
      "No systematic screening",
      "All eligible clients are identified",
    ),
    item(
      "G3",
      "Penetration",
      "The share of eligible clients who actually receive the practice.",
      "Fewer than 20% receive it",
      "80% or more receive it",
    ),
    item(
      "G4",
      "Assessment",
      "Assessments are full, standardised and kept up to date.",
      "Assessments are missing or sketchy",
      "Complete assessments, updated regularly",
    ),
    item(
      "G5",
      "Individualized treatment plan",
      "Plans name goals and interventions that fit the client.",
      "Plans are generic or absent",
      "Every plan is individual and reviewed",
    ),
    item(
      "G6",
      "Individualized treatment",
      "What is delivered follows the client's own plan.",
      "Care ignores the plan",
      "Care follows each client's plan",
    ),
    item(
      "G7",
      "Training",
      "Practitioners are trained in the practice, with refreshers.",
      "Few practitioners trained",
      "All trained, with yearly refreshers",
    ),
    item(
      "G8",
      "Supervision",
      "Practitioners get regular, practice-focused supervision.",
      "No regular supervision",
      "Weekly supervision about the practice",
    ),
    item(
      "G9",
      "Process monitoring",
      "Delivery (who gets what, how often) is monitored and used.",
      "No monitoring",
      "Monitored at least every 6 months and acted on",
    ),
    item(
      "G10",
      "Outcome monitoring",
      "Client outcomes are measured and used to improve.",
      "No outcome measures",
      "Outcomes measured regularly and shared",
    ),
    item(
      "G11",
      "Quality assurance",
      "A steering group reviews the implementation and fixes problems.",
      "No quality review",
      "A group meets regularly and acts",
    ),
    item(
      "G12",
      "Client choice regarding service provision",
      "Clients choose among options and their choices are respected.",
      "Little or no choice",
      "Choice is offered and honoured throughout",
    ),
  ],
};
