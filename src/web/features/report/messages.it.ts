import type { Messages } from "../../i18n/en.ts";

/** Il pulsante del rapporto di monitoraggio (italiano). */
export const reportIt: Messages["report"] = {
  button: "Rapporto di monitoraggio",
  pdf: "PDF, dal {{from}} al {{to}}",
  html: "HTML, dal {{from}} al {{to}}",
};
