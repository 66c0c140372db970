/**
 * The colours of the measures charts, apart from ECharts itself so that pages and badges can use
 * them without loading the charting library (it comes in its own chunk, with the first chart).
 */
/** Severity levels 0…5 from calm to alarming; recovery scales use them the other way round. */
export const BAND_COLOURS = ["#d3f9d8", "#fff3bf", "#ffe8cc", "#ffd8a8", "#ffc9c9", "#ffa8a8"] as const;
/** Stronger variants of the same, for badges and text on white. */
export const BAND_BADGES = ["green", "yellow", "orange", "orange", "red", "red"] as const;

export const SERIES = [
  "#3b5bdb",
  "#e8590c",
  "#2f9e44",
  "#9c36b5",
  "#0c8599",
  "#d6336c",
  "#5f3dc4",
  "#f08c00",
];
