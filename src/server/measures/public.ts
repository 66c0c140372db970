/**
 * What other capabilities may use of measures (tests/architecture/server-imports.test.ts): the
 * instrument library and the window within which a client's and a clinician's IMRS pair up
 * (analysis reads the same pairs as the patient's outcome page); the training funnel and the
 * fidelity comparison of sites (the monitoring report); who counts as trained for a programme
 * (the region funnel of site status).
 */

export { compareSites } from "./fidelity/compare-sites.ts";
export { findInstrument } from "./instruments/library/index.ts";
export { PAIR_WINDOW_DAYS } from "./outcomes/imrs-comparison.ts";
export { trainingFunnel } from "./workforce/funnel.ts";
export { trainedForProgramme } from "./workforce/trained.ts";
