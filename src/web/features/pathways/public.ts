/**
 * What other web features may use of care pathways (ARCHITECTURE.md, "Import rules"): the
 * registry's intervention form records "did not attend" through this hook.
 */
export { useRecordMissedAppointment } from "./api.ts";
