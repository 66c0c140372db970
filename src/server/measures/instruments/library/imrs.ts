import type { InstrumentDefinition, Item, ReliableChange, Respondent } from "../definition.ts";

/**
 * The Illness Management and Recovery Scale (IMRS), client and clinician versions: 15 items rated
 * 1–5 over the past 3 months, from SAMHSA's IMR Evidence-Based Practices KIT (public domain).
 *
 * Reverse scoring: none. In the KIT's printed form every item — including the negatively worded
 * ones (6 symptom distress, 7 impairment of functioning, 9 relapse, 10 hospitalisation, 14 alcohol,
 * 15 drugs) — lists its answers from 1 (least favourable) to 5 (most favourable), so the total is a
 * plain sum and higher always means better illness management. Those items are named in
 * `NEGATIVELY_WORDED` so that a service entering a form whose answers run the other way can see
 * which ones to check; the engine would reverse them only if marked `reversed`.
 */
export const NEGATIVELY_WORDED = ["6", "7", "9", "10", "14", "15"];

type Wording = { topic: string; client: string; clinician: string; options: string[] };

const sameOptions = (options: string[]) => options.map((label, i) => ({ value: i + 1, label }));

const WORDING: Wording[] = [
  {
    topic: "Progress towards personal goals",
    client: "In the past 3 months, I have come up with…",
    clinician: "In the past 3 months, s/he has come up with…",
    options: [
      "No personal goals",
      "A personal goal, but have not done anything to finish my goal",
      "A personal goal and made it a little way toward finishing it",
      "A personal goal and have gotten pretty far in finishing my goal",
      "A personal goal and have finished it",
    ],
  },
  {
    topic: "Knowledge",
    client:
      "How much do you feel like you know about symptoms, treatment, coping strategies (coping methods), and medication?",
    clinician:
      "How much do you feel your client knows about symptoms, treatment, coping strategies (coping methods), and medication?",
    options: ["Not very much", "A little", "Some", "Quite a bit", "A great deal"],
  },
  {
    topic: "Involvement of family and friends in my mental health treatment",
    client:
      "How much are family members, friends, boyfriend/girlfriend, and other people who are important to you (outside your mental health agency) involved in your mental health treatment?",
    clinician:
      "How much are family members, friends, boyfriend/girlfriend, and other people who are important to your client (outside your mental health agency) involved in his/her mental health treatment?",
    options: [
      "Not at all",
      "Only when there is a serious problem",
      "Sometimes, like when things are starting to go badly",
      "Much of the time",
      "A lot of the time and they really help with mental health",
    ],
  },
  {
    topic: "Contact with people outside of my family",
    client:
      "In a normal week, how many times do you talk to someone outside of your family (like a friend, co-worker, classmate, roommate, etc.)?",
    clinician:
      "In a normal week, how many times does s/he talk to someone outside of his/her family (like a friend, co-worker, classmate, roommate, etc.)?",
    options: ["0 times/week", "1–2 times/week", "3–4 times/week", "6–7 times/week", "8 or more times/week"],
  },
  {
    topic: "Time in structured roles",
    client:
      "How much time do you spend working, volunteering, being a student, being a parent, taking care of someone else or someone else's house or apartment? That is, how much time do you spend in doing activities for or with another person that are expected of you? (This would not include self-care or personal home maintenance.)",
    clinician:
      "How much time does s/he spend working, volunteering, being a student, being a parent, taking care of someone else or someone else's house or apartment? That is, how much time does s/he spend in doing activities for or with another person that are expected of him/her? (This would not include self-care or personal home maintenance.)",
    options: [
      "2 hours or less/week",
      "3–5 hours/week",
      "6 to 15 hours/week",
      "16–30 hours/week",
      "More than 30 hours/week",
    ],
  },
  {
    topic: "Symptom distress",
    client: "How much do your symptoms bother you?",
    clinician: "How much do his/her symptoms bother him/her?",
    options: [
      "Symptoms really bother a lot",
      "Symptoms bother quite a bit",
      "Symptoms bother somewhat",
      "Symptoms bother very little",
      "Symptoms don't bother at all",
    ],
  },
  {
    topic: "Impairment of functioning",
    client:
      "How much do your symptoms get in the way of you doing things that you would like to or need to do?",
    clinician:
      "How much do his/her symptoms get in the way of him/her doing things that s/he would like to or need to do?",
    options: [
      "Symptoms really get in the way a lot",
      "Symptoms get in the way quite a bit",
      "Symptoms get in the way somewhat",
      "Symptoms get in the way very little",
      "Symptoms don't get in the way at all",
    ],
  },
  {
    topic: "Relapse prevention planning",
    client:
      "Which of the following would best describe what you know and what you have done in order not to have a relapse?",
    clinician:
      "Which of the following would best describe what s/he knows and has done in order not to have a relapse?",
    options: [
      "Don't know how to prevent relapses",
      "Know a little, but haven't made a relapse prevention plan",
      "Know 1 or 2 things to do, but don't have a written plan",
      "Know several things to do, but don't have a written plan",
      "Have a written plan that has been shared with others",
    ],
  },
  {
    topic: "Relapse of symptoms",
    client:
      "When is the last time you had a relapse of symptoms (that is, when your symptoms have gotten much worse)?",
    clinician:
      "When is the last time s/he had a relapse of symptoms (that is, when his/her symptoms have gotten much worse)?",
    options: [
      "Within the last month",
      "In the past 2 to 3 months",
      "In the past 4 to 6 months",
      "In the past 7 to 12 months",
      "Haven't had a relapse in the past year",
    ],
  },
  {
    topic: "Psychiatric hospitalizations",
    client: "When is the last time you have been hospitalized for mental health or substance abuse reasons?",
    clinician:
      "When is the last time s/he has been hospitalized for mental health or substance abuse reasons?",
    options: [
      "Within the last month",
      "In the past 2 to 6 months",
      "In the past 7 to 12 months",
      "More than a year ago",
      "Never hospitalized for mental health or substance abuse reasons",
    ],
  },
  {
    topic: "Coping",
    client: "How well do you feel like you are coping with your mental or emotional illness from day to day?",
    clinician:
      "How well do you feel your client is coping with his/her mental or emotional illness from day to day?",
    options: ["Not well at all", "Not very well", "Alright", "Well", "Very well"],
  },
  {
    topic: "Involvement with self-help activities",
    client:
      "How involved are you in consumer run services, peer support groups, Alcoholics Anonymous, drop-in centers, WRAP (Wellness Recovery Action Plan), or other similar self-help programs?",
    clinician:
      "How involved is s/he in consumer run services, peer support groups, Alcoholics Anonymous, drop-in centers, WRAP (Wellness Recovery Action Plan), or other similar self-help programs?",
    options: [
      "Doesn't know about any self-help activities",
      "Knows about some self-help activities, but isn't interested",
      "Interested in self-help activities, but hasn't participated in the past year",
      "Participates in self-help activities occasionally",
      "Participates in self-help activities regularly",
    ],
  },
  {
    topic: "Using medication effectively",
    client:
      "How often do you take your medication as prescribed? (Don't answer this question if your doctor has not prescribed medication for you.)",
    clinician:
      "How often does s/he take his/her medication as prescribed? (Leave blank if no medication has been prescribed.)",
    options: ["Never", "Occasionally", "About half the time", "Most of the time", "Every day as prescribed"],
  },
  {
    topic: "Functioning affected by alcohol use",
    client:
      "Drinking can interfere with functioning when it contributes to conflict in relationships, or to financial, housing and legal concerns, to difficulty showing up at appointments or focusing during them, or to symptoms getting worse. Over the past 3 months, did alcohol use get in the way of your functioning?",
    clinician:
      "Drinking can interfere with functioning when it contributes to conflict in relationships, or to financial, housing and legal concerns, to difficulty showing up at appointments or focusing during them, or to symptoms getting worse. Over the past 3 months, did alcohol use get in the way of his/her functioning?",
    options: [
      "Alcohol use really gets in the way a lot",
      "Alcohol use gets in the way quite a bit",
      "Alcohol use gets in the way somewhat",
      "Alcohol use gets in the way very little",
      "Alcohol use is not a factor in functioning",
    ],
  },
  {
    topic: "Functioning affected by drug use",
    client:
      "Using street drugs, and misusing prescription or over-the-counter medication can interfere with functioning when it contributes to conflict in relationships, or to financial, housing and legal concerns, to difficulty showing up at appointments or focusing during them, or to symptoms getting worse. Over the past 3 months, did drug use get in the way of your functioning?",
    clinician:
      "Using street drugs, and misusing prescription or over-the-counter medication can interfere with functioning when it contributes to conflict in relationships, or to financial, housing and legal concerns, to difficulty showing up at appointments or focusing during them, or to symptoms getting worse. Over the past 3 months, did drug use get in the way of his/her functioning?",
    options: [
      "Drug use really gets in the way a lot",
      "Drug use gets in the way quite a bit",
      "Drug use gets in the way somewhat",
      "Drug use gets in the way very little",
      "Drug use is not a factor in functioning",
    ],
  },
];

const SOURCE =
  "Mueser KT, Gingerich S, Salyers MP, McGuire AB, Reyes RU, Cunningham H. Illness Management and Recovery (IMR) Scales, 2004; SAMHSA Illness Management and Recovery Evidence-Based Practices (EBP) KIT. Psychometrics: Salyers MP et al. Community Ment Health J 2007;43:459–480.";

function imrs(version: "client" | "clinician"): InstrumentDefinition {
  const items: Item[] = WORDING.map((w, i) => ({
    id: String(i + 1),
    text: `${w.topic}: ${w[version]}`,
    options: sameOptions(w.options),
  }));
  const respondents: Respondent[] = version === "client" ? ["patient"] : ["clinician"];
  // Test-retest reliability: Roosenschoon BJ et al., J Ment Health 2016;25:489–495 (client r = .79,
  // clinician r = .86). SD: the post-intervention totals of the Ferrara IMR study (client 7.47,
  // clinician 8.45), the population Praxis was built for.
  const reliableChange: ReliableChange =
    version === "client"
      ? {
          kind: "sd_reliability",
          sd: 7.47,
          reliability: 0.79,
          source:
            "Test-retest r = 0.79 (client version): Roosenschoon et al. 2016, J Ment Health 25:489–495. SD 7.47: client IMRS totals after IMR in the Ferrara department of mental health.",
        }
      : {
          kind: "sd_reliability",
          sd: 8.45,
          reliability: 0.86,
          source:
            "Test-retest r = 0.86 (clinician version): Roosenschoon et al. 2016, J Ment Health 25:489–495. SD 8.45: clinician IMRS totals after IMR in the Ferrara department of mental health.",
        };
  return {
    code: version === "client" ? "IMRS-CLIENT" : "IMRS-CLINICIAN",
    name: `Illness Management and Recovery Scale — ${version} version`,
    version: "2004",
    respondents,
    instructions:
      version === "client"
        ? "Please circle the answer that best describes your current level of functioning in each area."
        : "Please rate your client's current level of functioning in each area.",
    source: SOURCE,
    licence: {
      textsIncluded: true,
      notice:
        "Public domain: part of SAMHSA's Illness Management and Recovery Evidence-Based Practices KIT (U.S. Department of Health and Human Services); may be reproduced without permission, citing the source.",
    },
    items,
    total: { method: "sum", maxMissing: 2, decimals: 0, range: { min: 15, max: 75 } },
    meanItemScore: true,
    higherIsBetter: true,
    reliableChange,
    notes: [
      "Total = sum of the 15 items (15–75); the mean item score (1–5) is reported beside it, as several studies do.",
      "No item is reverse-scored: every item's answers run from 1 (least) to 5 (most favourable).",
      "Item 13 (medication) is left blank when nothing is prescribed. With up to two items blank the total is prorated (mean × 15, rounded); with three or more it is not scored.",
    ],
  };
}

export const IMRS_CLIENT = imrs("client");
export const IMRS_CLINICIAN = imrs("clinician");
