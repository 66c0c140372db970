/**
 * What the demo's planning artefacts, fidelity reviews and training courses say: the Lombardy
 * pilot's story (stepped care for young adults with BPD — GPM, DBT skills training, Family
 * Connections — and Illness Management and Recovery) told in our own words. Pure data; the dates
 * are offsets that `index.ts` places relative to the day the demo is made. The planning model
 * stores one language, so these texts are English; the web translates the labels around them.
 */
import type { ActivityStatus } from "../../planning/action-plan/schemas.ts";
import type { Quadrant } from "../../planning/swot/schemas.ts";

/** Indicators of the engine named by the outcomes and outputs of the regional Theory of Change. */
export const TOC_INDICATORS: Record<string, string[]> = {
  "oc-early-care": ["intensive_start"],
  "oc-families": ["family_involved"],
  "oc-integration": ["treatment_plan"],
  "op-enrolment": ["enrolled", "enrolment_target_met"],
  "op-assessment": ["structured_assessment"],
  "op-interventions": ["psychosocial_per_patient"],
  "op-groups": ["dbt_skills_groups", "family_connections_groups"],
  "op-itp": ["treatment_plan"],
  "op-case-manager": ["case_manager"],
};

/** Why the arrows of the regional Theory of Change hold, by edge id of the template. */
export const TOC_RATIONALES: Record<string, string> = {
  "e-staff-training": "Only staff who stay can pass on what they learnt.",
  "e-training-interventions": "Trained clinicians offer GPM and DBT skills from the first weeks of care.",
  "e-training-groups": "Each group needs two trained leaders.",
  "e-teams-enrolment": "A named team screens new young patients every week.",
  "e-network-groups": "Family associations bring relatives to Family Connections.",
  "e-itp-integration": "A plan signed with the patient and shared with social services joins up care.",
  "e-early-impact": "Early, intensive care reduces crises and drop-out in the first year.",
  "e-shortage-interventions": "Where posts stay vacant, interventions thin out first.",
};

/** A regional activity: its place in the template's plan, offsets in months, and how it tends to go. */
export interface DemoActivity {
  subArea: string;
  title: string;
  description: string;
  responsibleActor: string;
  /** Months from the programme's start (`from: "start"`) or from the demo's day (`from: "today"`). */
  from: "start" | "today";
  startMonths: number;
  endMonths: number;
  stakeholders: string[];
  targetPopulation: string;
  finalBeneficiaries: string;
  tocOutputNodeId: string | null;
  /** Chance that a site has finished it once its end has passed (the rest run late: overdue). */
  doneChance: number;
}

export const REGIONAL_ACTIVITIES: DemoActivity[] = [
  {
    subArea: "sub-regional-group",
    title: "Constitute the Regional Implementation Group and the advisory group",
    description: "Regional officers, DMH representatives, a family and a user association.",
    responsibleActor: "Regional mental health office",
    from: "start",
    startMonths: 0,
    endMonths: 2,
    stakeholders: ["DMH directors", "Family association", "User association"],
    targetPopulation: "",
    finalBeneficiaries: "Young adults with BPD and their families",
    tocOutputNodeId: null,
    doneChance: 1,
  },
  {
    subArea: "sub-local-teams",
    title: "Appoint a coordinator and a local Implementation Team at each ASST",
    description: "At least a psychiatrist, a psychologist and a nurse or educator per team.",
    responsibleActor: "DMH director",
    from: "start",
    startMonths: 1,
    endMonths: 4,
    stakeholders: ["DMH director", "CMHC managers"],
    targetPopulation: "Mental health professionals",
    finalBeneficiaries: "Young adults with BPD",
    tocOutputNodeId: "op-case-manager",
    doneChance: 0.95,
  },
  {
    subArea: "sub-training",
    title: "Basic training in GPM, DBT skills and Family Connections for every team",
    description: "Regional courses; each site sends its whole team.",
    responsibleActor: "Regional Implementation Group",
    from: "start",
    startMonths: 3,
    endMonths: 9,
    stakeholders: ["DBT trainers", "University partners"],
    targetPopulation: "Implementation teams",
    finalBeneficiaries: "Young adults with BPD",
    tocOutputNodeId: "op-interventions",
    doneChance: 0.9,
  },
  {
    subArea: "sub-supervision",
    title: "Monthly group supervision with the DBT trainers",
    description: "One session a month per site, online when needed.",
    responsibleActor: "Team coordinator",
    from: "start",
    startMonths: 9,
    endMonths: 48,
    stakeholders: ["DBT trainers"],
    targetPopulation: "Group leaders",
    finalBeneficiaries: "Patients in DBT skills groups",
    tocOutputNodeId: "op-groups",
    doneChance: 0.5,
  },
  {
    subArea: "sub-enrolment",
    title: "Adopt the structured assessment battery at the first visits",
    description: "SCID-5-PD, ZAN-BPD and BSL-23 within the first month of care.",
    responsibleActor: "Psychiatrists and psychologists of the CMHC",
    from: "start",
    startMonths: 6,
    endMonths: 12,
    stakeholders: ["CMHC staff"],
    targetPopulation: "New patients aged 18–30 with suspected BPD",
    finalBeneficiaries: "Young adults with BPD",
    tocOutputNodeId: "op-assessment",
    doneChance: 0.8,
  },
  {
    subArea: "sub-interventions",
    title: "Start a DBT skills training group at each site",
    description: "Four modules over about six months; a new cohort every year.",
    responsibleActor: "Team coordinator",
    from: "start",
    startMonths: 9,
    endMonths: 15,
    stakeholders: ["Group leaders"],
    targetPopulation: "Enrolled patients",
    finalBeneficiaries: "Young adults with BPD",
    tocOutputNodeId: "op-groups",
    doneChance: 0.75,
  },
  {
    subArea: "sub-itp",
    title: "Share every treatment plan with the patient and, with consent, social services",
    description: "The plan is signed by the patient and reviewed at least every six months.",
    responsibleActor: "Case managers",
    from: "start",
    startMonths: 9,
    endMonths: 21,
    stakeholders: ["Municipal social services", "Work-inclusion services"],
    targetPopulation: "Enrolled patients",
    finalBeneficiaries: "Young adults with BPD",
    tocOutputNodeId: "op-itp",
    doneChance: 0.6,
  },
  {
    subArea: "sub-families",
    title: "Run a Family Connections cycle every year with the family association",
    description: "Twelve weekly meetings for relatives, co-led with a trained family member.",
    responsibleActor: "Team coordinator",
    from: "start",
    startMonths: 12,
    endMonths: 24,
    stakeholders: ["Family association"],
    targetPopulation: "Relatives of enrolled patients",
    finalBeneficiaries: "Families",
    tocOutputNodeId: "op-groups",
    doneChance: 0.6,
  },
  {
    subArea: "sub-internal",
    title: "Agree a transition protocol with child and adolescent services",
    description: "Joint meetings from age 17 so no young person is lost at 18.",
    responsibleActor: "DMH director",
    from: "today",
    startMonths: -9,
    endMonths: -2,
    stakeholders: ["Child and adolescent mental health services"],
    targetPopulation: "Adolescents aged 17 in care",
    finalBeneficiaries: "Young people at transition",
    tocOutputNodeId: "op-enrolment",
    doneChance: 0.35,
  },
  {
    subArea: "sub-social",
    title: "Sign a working agreement with the municipal social services",
    description: "Who does what for housing, income and work; a named contact on each side.",
    responsibleActor: "Team coordinator",
    from: "today",
    startMonths: -7,
    endMonths: -1,
    stakeholders: ["Municipalities", "Social services"],
    targetPopulation: "Enrolled patients with social needs",
    finalBeneficiaries: "Young adults with BPD",
    tocOutputNodeId: "op-itp",
    doneChance: 0.3,
  },
  {
    subArea: "sub-communication",
    title: "Present the programme to GPs and on the ASST website",
    description: "A short leaflet and a page on referral to the CMHC.",
    responsibleActor: "Communication office",
    from: "start",
    startMonths: 10,
    endMonths: 14,
    stakeholders: ["General practitioners", "Communication office"],
    targetPopulation: "Population of the area",
    finalBeneficiaries: "Young people and their families",
    tocOutputNodeId: null,
    doneChance: 0.7,
  },
  {
    subArea: "sub-monitoring",
    title: "Quarterly monitoring report from the information system",
    description: "Enrolment, early intensity, plans and case managers per site against targets.",
    responsibleActor: "Regional Implementation Group",
    from: "today",
    startMonths: -3,
    endMonths: 9,
    stakeholders: ["Regional IT office"],
    targetPopulation: "Implementation teams",
    finalBeneficiaries: "Young adults with BPD",
    tocOutputNodeId: "op-enrolment",
    doneChance: 0,
  },
  {
    subArea: "sub-sustainability",
    title: "Write the implementation roadmap for after the pilot",
    description: "Objectives, conditions and timeframes agreed with the DMH director.",
    responsibleActor: "Team coordinator",
    from: "today",
    startMonths: -2,
    endMonths: 4,
    stakeholders: ["DMH director"],
    targetPopulation: "",
    finalBeneficiaries: "Young adults with BPD",
    tocOutputNodeId: null,
    doneChance: 0,
  },
  {
    subArea: "sub-training",
    title: "Refresher course for staff who joined after the first cycle",
    description: "Online, GPM and DBT skills basics.",
    responsibleActor: "Regional Implementation Group",
    from: "today",
    startMonths: 1,
    endMonths: 3,
    stakeholders: ["DBT trainers"],
    targetPopulation: "New staff",
    finalBeneficiaries: "Young adults with BPD",
    tocOutputNodeId: "op-interventions",
    doneChance: 0,
  },
];

/** Status of an activity at a site on `today`, given whether it was done in time. */
export function activityStatus(start: string, end: string, today: string, done: boolean): ActivityStatus {
  if (start > today) return "planned";
  if (done && end < today) return "done";
  return end < today ? "delayed" : "in_progress";
}

/** SWOT items the sites draw from (our wording of the common factors of the 18 local SWOTs). */
export const SWOT_POOL: Array<{ quadrant: Quadrant; text: string; tags: string[] }> = [
  {
    quadrant: "strength",
    text: "A multidisciplinary team already works in the CMHC",
    tags: ["multidisciplinary-team"],
  },
  {
    quadrant: "strength",
    text: "Some staff trained in DBT skills before the pilot",
    tags: ["specific-training"],
  },
  {
    quadrant: "strength",
    text: "A team for young people at the onset of illness",
    tags: ["young-onset-teams"],
  },
  { quadrant: "strength", text: "The DMH director sponsors the project", tags: ["director-involvement"] },
  {
    quadrant: "strength",
    text: "Many eligible young patients are already in care",
    tags: ["patients-in-charge"],
  },
  {
    quadrant: "strength",
    text: "Experience of a structured implementation in an earlier regional project",
    tags: ["implementation-experience"],
  },
  {
    quadrant: "weakness",
    text: "Too few psychologists for individual and group work",
    tags: ["staff-shortage"],
  },
  { quadrant: "weakness", text: "No social worker or nurse in the team", tags: ["missing-profiles"] },
  {
    quadrant: "weakness",
    text: "Waiting lists of several months for a first visit",
    tags: ["waiting-lists"],
  },
  {
    quadrant: "weakness",
    text: "The information system does not record group sessions",
    tags: ["information-system"],
  },
  {
    quadrant: "weakness",
    text: "Care organised around medical visits",
    tags: ["medical-centric"],
  },
  { quadrant: "weakness", text: "Several posts on temporary contracts", tags: ["permanent-staff"] },
  {
    quadrant: "opportunity",
    text: "The regional plan makes personality disorders a priority",
    tags: ["care-pathway"],
  },
  {
    quadrant: "opportunity",
    text: "Growing public attention to young people's mental health",
    tags: ["youth-attention"],
  },
  {
    quadrant: "opportunity",
    text: "A family association ready to co-lead groups",
    tags: ["family-associations"],
  },
  { quadrant: "opportunity", text: "A user association asks to be involved", tags: ["user-associations"] },
  {
    quadrant: "opportunity",
    text: "Social services interested in shared treatment plans",
    tags: ["social-services"],
  },
  { quadrant: "opportunity", text: "Regional funding for the pilot years", tags: ["economic-resources"] },
  { quadrant: "threat", text: "Stigma towards BPD among professionals and the public", tags: ["stigma"] },
  { quadrant: "threat", text: "Trained staff leave for other services", tags: ["staff-shortage"] },
  { quadrant: "threat", text: "Funding after the pilot is not certain", tags: ["economic-resources"] },
  {
    quadrant: "threat",
    text: "Young people are lost at the transition from child and adolescent services",
    tags: ["internal-network"],
  },
];

/** Typical ranges of the SANA template's number and percentage indicators (demo figures, not real). */
export const SANA_RANGES: Record<string, [number, number]> = {
  "dem-pop": [330_000, 1_400_000],
  "dem-young": [12, 17],
  "pc-gps": [55, 80],
  "pol-plan-year": [2017, 2022],
  "fun-share": [2.5, 3.8],
  "fun-per-capita": [55, 85],
  "sa-cmhc": [1.2, 3],
  "sa-beds": [6, 12],
  "sa-residential": [20, 45],
  "ua-treated": [130, 190],
  "ua-pd-young": [40, 260],
  "ua-psychosocial": [15, 45],
  "cy-services": [2, 5],
  "wf-psychiatrists": [7, 12],
  "wf-psychologists": [3, 8],
  "wf-nurses": [18, 30],
  "wf-social": [1.5, 4],
  "wf-rehab": [2, 6],
  "is-diagnosis": [70, 95],
  "pa-associations": [1, 6],
};

export const SANA_TEXTS: Record<string, string> = {
  "pol-law": "Law 180/1978 and the regional mental health plan",
};

/** The regional and local roadmap's objectives (post-implementation). */
export const ROADMAP: Array<{
  objective: string;
  conditions: string[];
  timeframe: string;
  /** Months from the demo's day. */
  targetMonths: number;
  responsible: string;
}> = [
  {
    objective: "Consolidate a team for young people in each CMHC",
    conditions: ["Posts made permanent", "A named coordinator with protected time"],
    timeframe: "within 12 months",
    targetMonths: 12,
    responsible: "DMH director",
  },
  {
    objective: "Keep a DBT skills group and a Family Connections cycle running every year",
    conditions: ["Two trained leaders per group", "The family association co-leads Family Connections"],
    timeframe: "every year",
    targetMonths: 6,
    responsible: "Team coordinator",
  },
  {
    objective: "Make the shared treatment plan part of routine care",
    conditions: ["A plan template in the information system", "Agreement with the social services"],
    timeframe: "within 9 months",
    targetMonths: 9,
    responsible: "Case managers",
  },
  {
    objective: "Train every new member of staff within six months of arrival",
    conditions: ["A yearly regional refresher course"],
    timeframe: "ongoing",
    targetMonths: 18,
    responsible: "Regional Implementation Group",
  },
];

/** Free-text obstacles sites name in the progress questionnaire. */
export const OBSTACLES = [
  "Two psychologists left in the spring and have not been replaced.",
  "Group sessions cannot be recorded in the information system yet.",
  "Few referrals from child and adolescent services.",
  "Relatives find it hard to attend evening meetings.",
  "The team has no protected time for the project.",
  "Waiting lists at the CMHC delay the first visits.",
];

/** The demo's training courses: offsets in months from the start of their programme. */
export const COURSES: Array<{
  code: string;
  programme: "BPD-LOM" | "IMR-LOM";
  title: string;
  topic: string;
  hours: number;
  mode: "in_person" | "online" | "blended";
  startMonths: number;
  days: number;
  /** Who attends among a site's trained professionals: every one, or those with at least these hours. */
  minHours: number;
}> = [
  {
    code: "BPD-GPM-1",
    programme: "BPD-LOM",
    title: "Good Psychiatric Management — first cycle",
    topic: "GPM",
    hours: 16,
    mode: "in_person",
    startMonths: 3,
    days: 2,
    minHours: 0,
  },
  {
    code: "BPD-DBT-1",
    programme: "BPD-LOM",
    title: "DBT skills training for group leaders",
    topic: "DBT skills training",
    hours: 32,
    mode: "blended",
    startMonths: 4,
    days: 60,
    minHours: 24,
  },
  {
    code: "BPD-FC-1",
    programme: "BPD-LOM",
    title: "Family Connections for group leaders",
    topic: "Family Connections",
    hours: 16,
    mode: "in_person",
    startMonths: 6,
    days: 2,
    minHours: 32,
  },
  {
    code: "IMR-PRACT-1",
    programme: "IMR-LOM",
    title: "Illness Management and Recovery for practitioners",
    topic: "IMR",
    hours: 24,
    mode: "blended",
    startMonths: 2,
    days: 30,
    minHours: 0,
  },
];
