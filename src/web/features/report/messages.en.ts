/** The monitoring report's download button (English, the reference; `report` in the catalogue). */
export const reportEn = {
  button: "Monitoring report",
  pdf: "PDF, {{from}} to {{to}}",
  html: "HTML, {{from}} to {{to}}",
};
