import type { FidelityScale, Level, ScaleItem } from "../scale.ts";

const anchors: Record<number, string> = {
  1: "Very poor",
  2: "Poor",
  3: "Acceptable",
  4: "Adequate",
  5: "Good",
  6: "Very good",
  7: "Excellent",
};
const item = (id: string, level: Level, name: string, description: string): ScaleItem => ({
  id,
  level,
  name,
  description,
  anchors,
});

/**
 * Treatment integrity at organisation, team and therapist level, rated 1–7 — the multi-level
 * model of the Dutch MBT implementation studies (organisational, team and therapist adherence as
 * parts of integrity). Items and descriptions are worded in our own words.
 */
export const TREATMENT_INTEGRITY: FidelityScale = {
  code: "TREATMENT-INTEGRITY",
  // Stepped care for BPD is rated on integrity at organisation, team and therapist level.
  practices: ["BPD-STEPPED"],
  name: "Treatment integrity (organisation, team, therapist)",
  version: "1",
  source:
    "After Hutsebaut J, Bales DL, Busschbach JJV, Verheul R. The implementation of mentalization-based treatment for adolescents: a case study from an organizational, team and therapist perspective. Int J Ment Health Syst 2012;6:10; Bales DL et al. Personal Ment Health 2017;11:118–131.",
  notice: "Praxis's own wording of the levels and factors those studies describe.",
  range: { min: 1, max: 7 },
  levels: ["organisation", "team", "therapist"],
  lowThreshold: 3,
  cutoffs: [
    { min: 1, code: "poor", label: "Poor (< 3)" },
    { min: 3, code: "acceptable", label: "Acceptable to adequate (3 to < 5)" },
    { min: 5, code: "good", label: "Good or better (≥ 5)" },
  ],
  items: [
    item(
      "O1",
      "organisation",
      "Commitment and support",
      "The organisation as a whole backs the treatment and gives it what it needs.",
    ),
    item(
      "O2",
      "organisation",
      "Implementation plan",
      "A complete plan covers the steps, people, money and risks of starting the treatment.",
    ),
    item(
      "O3",
      "organisation",
      "Financial management",
      "The treatment's budget is sound and losses are foreseen and covered.",
    ),
    item(
      "O4",
      "organisation",
      "Continuity of management",
      "The managers who carry the treatment stay, or hand over with care.",
    ),
    item(
      "O5",
      "organisation",
      "Unit organisation",
      "The unit has a clear structure with defined roles and responsibilities.",
    ),
    item(
      "O6",
      "organisation",
      "Stability",
      "The organisation is not in upheaval (reorganisations, mergers, cuts).",
    ),
    item(
      "O7",
      "organisation",
      "Staff selection",
      "Staff are chosen for their competence with the patient group and their affinity with the model.",
    ),
    item("T1", "team", "Team composition", "The mix of professions and personalities is balanced."),
    item("T2", "team", "Team size", "The team is small enough to stay consistent (about 8–12 people)."),
    item("T3", "team", "Leadership", "Leadership is clear and supported by the whole team."),
    item("T4", "team", "Cohesion", "The team is safe, open and holds together."),
    item(
      "T5",
      "team",
      "Mentalizing climate",
      "The team keeps a reflective, responsive atmosphere, also under pressure.",
    ),
    item("T6", "team", "Expertise", "Expertise in the model is available on the unit."),
    item("T7", "team", "Training and supervision", "The team is trained and supervised in the model."),
    item(
      "T8",
      "team",
      "Consistency",
      "The team delivers the treatment in the same way across members and days.",
    ),
    item("T9", "team", "Coherence", "Interventions are tailored from one coherent theoretical frame."),
    item("T10", "team", "Continuity", "Patients meet the same professionals over time; turnover is low."),
    item(
      "T11",
      "team",
      "Structure",
      "The programme's structure, roles and responsibilities are clear to all.",
    ),
    item("P1", "therapist", "Experience", "Therapists have experience with the model."),
    item(
      "P2",
      "therapist",
      "Adherence",
      "Therapists adhere to the model competently in individual and group sessions.",
    ),
    item("P3", "therapist", "Commitment", "Every team member is committed to the model."),
  ],
};
