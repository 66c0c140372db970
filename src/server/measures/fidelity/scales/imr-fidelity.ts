import type { FidelityScale, ScaleItem } from "../scale.ts";

/** Anchors that step with the share of IMR clients for whom something holds. */
const share = (what: string): Record<number, string> => ({
  1: `Fewer than 20% of IMR clients ${what}`,
  2: `20–39% of IMR clients ${what}`,
  3: `40–69% of IMR clients ${what}`,
  4: `70–89% of IMR clients ${what}`,
  5: `90% or more of IMR clients ${what}`,
});

/** Anchors that step with how consistently practitioners use a technique. */
const use = (what: string): Record<number, string> => ({
  1: `Practitioners do not ${what}`,
  2: `Practitioners ${what} only rarely`,
  3: `Practitioners ${what} in some sessions`,
  4: `Practitioners ${what} in most sessions, with some gaps`,
  5: `Practitioners ${what} consistently, in every session where it fits`,
});

const item = (id: string, name: string, description: string, anchors: Record<number, string>): ScaleItem => ({
  id,
  level: "programme",
  name,
  description,
  anchors,
});

/**
 * The IMR Fidelity Scale: 13 items rated 1–5; the mean is the fidelity score (≥ 4 high, 3 to
 * under 4 moderate, under 3 low). Item names follow the SAMHSA scale; descriptions and anchors
 * are in our own words.
 */
export const IMR_FIDELITY: FidelityScale = {
  code: "IMR-FIDELITY",
  practices: ["IMR"],
  name: "IMR Fidelity Scale",
  version: "1",
  source:
    "Illness Management and Recovery Fidelity Scale (rev. 2005), SAMHSA IMR Evidence-Based Practices KIT; McHugo GJ et al. Psychiatr Serv 2007;58:1279–1284.",
  notice: "Item names from the public-domain SAMHSA scale; descriptions and anchors reworded for Praxis.",
  range: { min: 1, max: 5 },
  levels: ["programme"],
  lowThreshold: 3,
  cutoffs: [
    { min: 1, code: "low", label: "Low fidelity (< 3)" },
    { min: 3, code: "moderate", label: "Moderate fidelity (3 to < 4)" },
    { min: 4, code: "high", label: "High fidelity (≥ 4)" },
  ],
  items: [
    item(
      "1",
      "Number of people in a session or group",
      "Sessions are individual or in groups of at most 8 clients.",
      {
        1: "Some sessions have more than 15 clients",
        2: "Some sessions have 13–15 clients",
        3: "Some sessions have 11–12 clients",
        4: "Some sessions have 9–10 clients",
        5: "Every session is individual or has 8 clients or fewer",
      },
    ),
    item(
      "2",
      "Program length",
      "Clients get at least 6 months of weekly sessions (or the equivalent).",
      share("get 6 months of weekly sessions or the equivalent"),
    ),
    item(
      "3",
      "Comprehensiveness of the curriculum",
      "The curriculum covers the IMR topic areas (recovery, facts, stress-vulnerability, social support, medication, relapse, stress, symptoms, the service system).",
      {
        1: "One topic area at most, or no handouts",
        2: "2 or 3 topic areas",
        3: "4 or 5 topic areas",
        4: "6 or 7 topic areas",
        5: "8 or 9 topic areas",
      },
    ),
    item(
      "4",
      "Provision of educational handouts",
      "Clients receive the IMR handouts.",
      share("receive the handouts"),
    ),
    item(
      "5",
      "Involvement of significant others",
      "A family member or other supporter is involved at least monthly in the client's IMR work.",
      share("have a supporter involved"),
    ),
    item(
      "6",
      "IMR goal setting",
      "Clients have set at least one personal recovery goal.",
      share("have a personal recovery goal"),
    ),
    item(
      "7",
      "IMR goal follow-up",
      "Practitioners and clients follow up the goals in sessions.",
      share("have their goals followed up"),
    ),
    item(
      "8",
      "Motivation-based strategies",
      "Practitioners link what is taught to the client's own goals and build hope.",
      use("use motivational strategies"),
    ),
    item(
      "9",
      "Educational techniques",
      "Practitioners teach interactively: checking understanding, reviewing, breaking content down.",
      use("use interactive teaching"),
    ),
    item(
      "10",
      "Cognitive-behavioral techniques",
      "Practitioners use reinforcement, shaping, modelling, role play, cognitive restructuring.",
      use("use cognitive-behavioural techniques"),
    ),
    item(
      "11",
      "Coping skills training",
      "Practitioners train coping strategies for persistent symptoms.",
      use("train coping skills"),
    ),
    item(
      "12",
      "Relapse prevention training",
      "Clients build a relapse prevention plan with their warning signs.",
      share("have a relapse prevention plan"),
    ),
    item(
      "13",
      "Behavioral tailoring for medication",
      "Clients who take medication fit it into their daily routines.",
      share("who take medication use behavioural tailoring"),
    ),
  ],
};
