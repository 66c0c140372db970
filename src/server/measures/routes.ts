import type { AppContext, ZodApp } from "../context.ts";
import { registerAdministrationRoutes } from "./administrations/routes.ts";
import { registerFidelityRoutes } from "./fidelity/routes.ts";
import { registerImrSummaryRoutes } from "./imr-summary/routes.ts";
import { registerInstrumentRoutes } from "./instruments/routes.ts";
import { registerOutcomeRoutes } from "./outcomes/routes.ts";
import { registerWorkforceRoutes } from "./workforce/routes.ts";

/**
 * Measurement and treatment integrity (docs/measures.md): the instrument library and live
 * scoring, administrations, outcomes, the IMR summary form, fidelity and integrity reviews,
 * workforce and training.
 */
export function registerMeasureRoutes(app: ZodApp, ctx: AppContext): void {
  registerInstrumentRoutes(app, ctx);
  registerAdministrationRoutes(app, ctx);
  registerOutcomeRoutes(app, ctx);
  registerImrSummaryRoutes(app, ctx);
  registerFidelityRoutes(app, ctx);
  registerWorkforceRoutes(app, ctx);
}
