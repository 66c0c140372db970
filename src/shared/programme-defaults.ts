/**
 * The default programme parameters of INDICATORS.md, in one place: the programme schema's
 * defaults, the registry's rules for a programme that stores none, the demo region and the web
 * form all take them from here. (The SQL of frozen migrations keeps its own literals.)
 * Shared by the server and the web app, so pure data: no server code.
 */
export interface ProgrammeParameterValues {
  targetEnrolmentPerSite: number;
  ageBand: { min: number; max: number };
  targetDiagnoses: string[];
  intensiveThreshold: number;
  earlyWindowDays: number;
  newToServiceDays: number;
  breakdownAgeBands: { label: string; min: number | null; max: number | null }[];
}

/** The defaults of INDICATORS.md. */
export const PARAMETER_DEFAULTS: ProgrammeParameterValues = {
  targetEnrolmentPerSite: 15,
  ageBand: { min: 18, max: 30 },
  targetDiagnoses: ["F60.3"],
  intensiveThreshold: 5,
  earlyWindowDays: 90,
  newToServiceDays: 365,
  breakdownAgeBands: [
    { label: "<18", min: null, max: 17 },
    { label: "18–24", min: 18, max: 24 },
    { label: "25–30", min: 25, max: 30 },
    { label: "31+", min: 31, max: null },
  ],
};

/**
 * INDICATORS.md's fixed look-back (not a parameter): a plan or an assessment record counts for an
 * enrolment from this many days before its enrolment date.
 */
export const LOOKBACK_DAYS = 90;
