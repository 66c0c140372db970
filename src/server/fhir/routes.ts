import { z } from "zod";
import type { AppContext, ZodApp } from "../context.ts";
import { IdParams } from "../shared/schemas.ts";
import { exportProgrammeFhir } from "./export-programme-fhir.ts";

const tags = ["exchange"];

/** The FHIR R4 export of a programme (docs/fhir.md); the rules are in export-programme-fhir.ts. */
export function registerFhirRoutes(app: ZodApp, ctx: AppContext): void {
  const { db } = ctx.database;
  app.get(
    "/api/programmes/:id/export/fhir",
    {
      schema: {
        tags,
        summary:
          "The programme's data for a period as FHIR R4 resources: a zip of NDJSON files, one per resource type",
        params: IdParams,
        querystring: z.strictObject({
          from: z.string().max(20).optional().describe("first day of the period, YYYY-MM-DD"),
          to: z.string().max(20).optional().describe("last day of the period, YYYY-MM-DD"),
        }),
        produces: ["application/zip"],
      },
    },
    async (req, reply) => {
      const { code, zip } = await exportProgrammeFhir(db, req, req.params.id, req.query);
      return reply
        .type("application/zip")
        .header("content-disposition", `attachment; filename="${code}-fhir.zip"`)
        .send(zip);
    },
  );
}
