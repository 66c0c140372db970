import { PARAMETER_DEFAULTS } from "../../shared/programme-defaults.ts";
import { minDate } from "../infra/time/civil-date.ts";

/**
 * The demo region: a Lombardy-like pilot with 18 sites (ASSTs) in 6 areas (ATSs), a BPD
 * stepped-care programme at all of them and an IMR programme at three, implementation teams and
 * one user per role. Pure data; `seed-region.ts` writes it.
 */
export const DEMO_PASSWORD = "praxis-demo-login";

/**
 * Names (docs/languages.md): the demo is an Italian region, so its places and institutions keep their
 * Italian proper names in every language (Lombardia, the ATSs and ASSTs, the CPS, SPDC and SerD),
 * as the region's own staff would enter them; what the app names — a service's kind, a role, an
 * intervention type of the base taxonomy — is a code the app shows in the reader's language.
 */
export const REGION = { code: "LOM", name: "Lombardia" };

export const AREAS: Array<{ code: string; name: string; sites: Array<[code: string, name: string]> }> = [
  {
    code: "ATS-INS",
    name: "ATS Insubria",
    sites: [
      ["LARIANA", "ASST Lariana"],
      ["SETTE-LAGHI", "ASST Sette Laghi"],
      ["VALLE-OLONA", "ASST Valle Olona"],
    ],
  },
  {
    code: "ATS-MON",
    name: "ATS della Montagna",
    sites: [
      ["VALTELLINA", "ASST Valtellina e Alto Lario"],
      ["VALCAMONICA", "ASST Valcamonica"],
    ],
  },
  {
    code: "ATS-BRI",
    name: "ATS Brianza",
    sites: [
      ["LECCO", "ASST Lecco"],
      ["BRIANZA", "ASST Brianza"],
      ["MONZA", "ASST Monza"],
    ],
  },
  {
    code: "ATS-BRE",
    name: "ATS Brescia",
    sites: [
      ["BRESCIA", "ASST Spedali Civili di Brescia"],
      ["FRANCIACORTA", "ASST Franciacorta"],
      ["GARDA", "ASST Garda"],
    ],
  },
  {
    code: "ATS-VPA",
    name: "ATS Val Padana",
    sites: [
      ["CREMONA", "ASST Cremona"],
      ["CREMA", "ASST Crema"],
    ],
  },
  {
    code: "ATS-MI",
    name: "ATS Città Metropolitana di Milano",
    sites: [
      ["NIGUARDA", "ASST Grande Ospedale Metropolitano Niguarda"],
      ["FBF-SACCO", "ASST Fatebenefratelli Sacco"],
      ["SANTI-PAOLO-CARLO", "ASST Santi Paolo e Carlo"],
      ["MILANO-OVEST", "ASST Ovest Milanese"],
      ["MELEGNANO", "ASST Melegnano e della Martesana"],
    ],
  },
];

/** Services of every site; some sites also run an addiction service or an eating-disorder programme. */
export const SERVICES_PER_SITE: Array<{ suffix: string; name: string; kind: string; every?: number }> = [
  { suffix: "CMHC", name: "Centro psico-sociale (CPS)", kind: "community_centre" },
  { suffix: "WARD", name: "Servizio psichiatrico di diagnosi e cura (SPDC)", kind: "ward" },
  { suffix: "SERD", name: "Servizio per le dipendenze (SerD)", kind: "addiction_service", every: 2 },
  {
    suffix: "EDP",
    name: "Centro per i disturbi alimentari (DCA)",
    kind: "eating_disorder_programme",
    every: 3,
  },
];

/** The demo programmes run with INDICATORS.md's defaults. */
export const BASE_PARAMETERS = PARAMETER_DEFAULTS;

export const PRACTICES = [
  {
    code: "BPD-STEPPED",
    name: "Stepped care for young adults with borderline personality disorder",
    definition: {
      description:
        "Early, intensive and structured care for people aged 18–30 with BPD: Good Psychiatric Management for all, DBT skills training groups, Family Connections for relatives, an individual treatment plan shared with the patient and with social and work-inclusion services, and a case manager.",
      components: [
        { code: "GPM", name: "Good Psychiatric Management", modules: [] },
        {
          code: "DBT-ST",
          name: "DBT skills training",
          modules: [
            { code: "DBT-MF", name: "Mindfulness" },
            { code: "DBT-DT", name: "Distress tolerance" },
            { code: "DBT-ER", name: "Emotion regulation" },
            { code: "DBT-IE", name: "Interpersonal effectiveness" },
          ],
        },
        { code: "FC", name: "Family Connections", modules: [] },
        { code: "ITP", name: "Individual treatment plan", modules: [] },
      ],
      interventionTypes: [],
      eligibility: { ageMin: 18, ageMax: 30, targetDiagnoses: ["F60.3"], newToServiceDays: 365 },
    },
  },
  {
    code: "IMR",
    name: "Illness Management and Recovery",
    definition: {
      description:
        "A curriculum of 11 modules, individual or in groups, that helps people with severe mental illness set recovery goals and manage their illness.",
      components: [
        {
          code: "IMR",
          name: "IMR curriculum",
          modules: [
            ["IMR-1", "Recovery strategies"],
            ["IMR-2", "Practical facts about mental illnesses"],
            ["IMR-3", "The stress–vulnerability model"],
            ["IMR-4", "Building social support"],
            ["IMR-5", "Using medication effectively"],
            ["IMR-6", "Drug and alcohol use"],
            ["IMR-7", "Reducing relapses"],
            ["IMR-8", "Coping with stress"],
            ["IMR-9", "Coping with problems and persistent symptoms"],
            ["IMR-10", "Getting your needs met in the mental health system"],
            ["IMR-11", "Healthy lifestyles"],
          ].map(([code, name]) => ({ code: code!, name: name! })),
        },
      ],
      interventionTypes: [
        {
          code: "imr_session",
          label: "IMR session",
          labels: { en: "IMR session", it: "Sessione IMR" },
          psychosocial: true,
        },
      ],
      eligibility: { ageMin: 18, ageMax: 65, targetDiagnoses: ["F20", "F25", "F31"], newToServiceDays: null },
    },
  },
];

/**
 * A date `months` calendar months after the first of `asOf`'s month (`YYYY-MM-DD`), minus `days`.
 */
function monthStart(asOf: string, months: number, days = 0): string {
  const y = Number(asOf.slice(0, 4));
  const m = Number(asOf.slice(5, 7)) - 1 + months;
  const d = new Date(Date.UTC(y, m, 1) - days * 86_400_000);
  return d.toISOString().slice(0, 10);
}

/**
 * The demo's programmes, their phases placed in the three years up to `asOf` (the day the demo
 * is created): BPD-LOM prepared for nine months from the first of the month three years ago,
 * implemented for a year, and sustained since (about fifteen months); IMR-LOM three months
 * behind, prepared for a year and implementing since. So every page shows data up to yesterday.
 */
export function demoProgrammes(asOf: string) {
  const at = (months: number, days = 0) => monthStart(asOf, months, days);
  return [
    {
      code: "BPD-LOM",
      name: "BPD stepped care — Lombardia",
      practice: "BPD-STEPPED",
      sites: "all" as const,
      parameters: BASE_PARAMETERS,
      phases: [
        { phase: "pre_implementation", startDate: at(-36), endDate: at(-27, 1) },
        { phase: "implementation", startDate: at(-27), endDate: at(-15, 1) },
        { phase: "sustainability", startDate: at(-15), endDate: null },
      ],
    },
    {
      code: "IMR-LOM",
      name: "Illness Management and Recovery — Lombardia",
      practice: "IMR",
      sites: ["NIGUARDA", "LECCO", "CREMONA"],
      parameters: {
        ...BASE_PARAMETERS,
        ageBand: { min: 18, max: 65 },
        targetDiagnoses: ["F20", "F25", "F31"],
        targetEnrolmentPerSite: 10,
      },
      phases: [
        { phase: "pre_implementation", startDate: at(-33), endDate: at(-21, 1) },
        { phase: "implementation", startDate: at(-21), endDate: null },
      ],
    },
  ];
}

/**
 * The demo programmes' targets beyond enrolment (which is `targetEnrolmentPerSite`), programme-
 * wide, as fractions of the enrolled. Drawn from the Lombardy pilot's report (seeds): its main
 * objective, "an adequate intensity of psychosocial care in the first months", was judged
 * achieved at 68 % of patients with at least five psychosocial interventions in their first
 * three months, so the region aims at 70 %; the structured assessment and the work with families
 * reached "about a third" of the patients, and the region aims higher (50 %, 40 %); a case manager
 * and a shared individual plan are part of the practice for everyone, so 90 % and 80 %; and at
 * most 15 % dropping out (about one in nine did in the pilot). The demo's sites fall on both sides of these lines, so the
 * dashboard shows targets met and missed (tests/demo/targets.test.ts). IMR-LOM, which the report
 * does not cover, keeps the two the practices share: a case manager for 90 %, at most 20 % out.
 */
export const DEMO_TARGETS: Record<
  (typeof PROGRAMME_CODES)[number],
  Array<{ indicatorId: string; value: number; direction: "higher_is_better" | "lower_is_better" }>
> = {
  "BPD-LOM": [
    { indicatorId: "intensive_start", value: 0.7, direction: "higher_is_better" },
    { indicatorId: "structured_assessment", value: 0.5, direction: "higher_is_better" },
    { indicatorId: "family_involved", value: 0.4, direction: "higher_is_better" },
    { indicatorId: "case_manager", value: 0.9, direction: "higher_is_better" },
    { indicatorId: "treatment_plan", value: 0.8, direction: "higher_is_better" },
    { indicatorId: "dropped_out", value: 0.15, direction: "lower_is_better" },
  ],
  "IMR-LOM": [
    { indicatorId: "case_manager", value: 0.9, direction: "higher_is_better" },
    { indicatorId: "dropped_out", value: 0.2, direction: "lower_is_better" },
  ],
};

/** The programme codes of the demo (whatever its date). */
export const PROGRAMME_CODES = ["BPD-LOM", "IMR-LOM"] as const;

/** Demo users: one per role. The site roles work at LECCO, the pilot's lead site. */
export const DEMO_USERS = [
  { username: "admin", displayName: "Regional IT office", role: "administrator" },
  {
    username: "coordinator",
    displayName: "Regional Implementation Group",
    role: "regional_coordinator",
    programme: "BPD-LOM",
  },
  {
    username: "sitecoord",
    displayName: "Lecco implementation team coordinator",
    role: "site_coordinator",
    site: "LECCO",
  },
  { username: "clinician", displayName: "Lecco case manager", role: "clinician", site: "LECCO" },
  { username: "viewer", displayName: "Family association", role: "viewer" },
] as const;

const PROFILES = [
  "psychiatrist",
  "psychologist",
  "nurse",
  "rehabilitation_therapist",
  "educator",
  "social_worker",
];

/**
 * Professionals per site: a deterministic team of 5–9 members (one coordinator) plus trained
 * staff who never joined the team — in the pilot more than half of those trained never took part.
 * The team's history, relative to `asOf` (the day the demo is made): the last untrained member of
 * every other site joined this year, and up to two untrained colleagues per site left last year
 * or this one (staff turnover; being untrained and out of the team, they change no indicator).
 */
export function demoProfessionals(siteCode: string, siteIndex: number, asOf: string) {
  const year = Number(asOf.slice(0, 4));
  const thisYear = (md: string) => minDate(`${year}-${md}`, asOf);
  const teamSize = 5 + ((siteIndex * 7) % 5);
  const trainedOutside = 2 + ((siteIndex * 3) % 6);
  const untrained = 1 + (siteIndex % 3);
  const out = [];
  let n = 0;
  for (let i = 0; i < teamSize + trainedOutside + untrained; i++) {
    n += 1;
    const inTeam = i < teamSize;
    const trained = inTeam ? i % 6 !== 5 : i < teamSize + trainedOutside;
    out.push({
      code: `${siteCode}-P${String(n).padStart(2, "0")}`,
      profile: PROFILES[(i + siteIndex) % PROFILES.length]!,
      inImplementationTeam: inTeam,
      teamCoordinator: i === 0,
      trained,
      trainingHours: trained ? 16 + ((i * 5 + siteIndex) % 4) * 8 : null,
      joinedOn:
        i === teamSize + trainedOutside + untrained - 1 && siteIndex % 2 === 0 ? thisYear("01-15") : null,
      leftOn: null as string | null,
    });
  }
  for (let k = 0; k < siteIndex % 3; k++) {
    n += 1;
    out.push({
      code: `${siteCode}-P${String(n).padStart(2, "0")}`,
      profile: PROFILES[(n + siteIndex) % PROFILES.length]!,
      inImplementationTeam: false,
      teamCoordinator: false,
      trained: false,
      trainingHours: null,
      joinedOn: k === 0 ? `${year - 3}-09-01` : null,
      leftOn: k === 0 ? `${year - 1}-06-30` : thisYear("02-28"),
    });
  }
  return out;
}
