import type { z } from "zod";
import { IMR_MODULE_BANDS, outcomeKind } from "../../shared/analysis-variables.ts";
import { SEXES } from "../../shared/vocabulary.ts";
import { loadProgrammeContext, type ProgrammeContext } from "../indicators/public.ts";
import { type Actor, audit } from "../infra/audit/audit.ts";
import type { Principal } from "../infra/auth/principal.ts";
import type { Db } from "../infra/db/database.ts";
import { forbidden, issuesError, notFound } from "../infra/http/errors.ts";
import { today } from "../infra/time/civil-date.ts";
import { type AnalysisScope, analysisScope } from "./access.ts";
import { analyse } from "./analyse.ts";
import { readUnits } from "./read-units.ts";
import type { AnalysisQuery, AnalysisResult } from "./schemas.ts";
import { present } from "./suppress-rows.ts";
import { requestIssues } from "./validate-request.ts";

type Body = z.infer<typeof AnalysisQuery>;
type Out = z.infer<typeof AnalysisResult>;
type Allowed = Extract<AnalysisScope, { allowed: true }>;

/** The programme (404 when unknown) and what this user may analyse in it (403 otherwise). */
export async function openAnalysis(
  db: Db,
  p: Principal,
  programmeId: number,
): Promise<{ programme: ProgrammeContext; scope: Allowed }> {
  const programme = await loadProgrammeContext(db, programmeId);
  if (!programme) throw notFound("programme");
  const scope = analysisScope(p, programme);
  if (!scope.allowed)
    throw forbidden("you may analyse only a programme you take part in", "not_your_programme");
  return { programme, scope };
}

/**
 * Run one analysis of a programme: refuse a combination that cannot be analysed (400 naming the
 * field and rule), read one unit per patient in the user's scope, describe and test, suppress
 * small cells for viewers, and audit the read (it is computed from patient-level data).
 */
export async function runAnalysis(
  db: Db,
  p: Principal,
  actor: Actor,
  programmeId: number,
  body: Body,
): Promise<Out> {
  const { programme, scope } = await openAnalysis(db, p, programmeId);
  const issues = requestIssues(body);
  if (issues.length) throw issuesError(issues);
  const asOf = body.asOf ?? today();
  const { parameters, psychosocialTypes } = programme.inputs;
  const units = await readUnits(db, {
    ...body,
    programmeId,
    siteIds: scope.siteIds,
    asOf,
    parameters,
    psychosocialTypes,
  });
  const kind = outcomeKind(body.outcome);
  const order =
    body.grouping === "sex"
      ? [...SEXES]
      : body.grouping === "age_band"
        ? parameters.breakdownAgeBands.map((b) => b.label)
        : body.grouping === "imr_modules_band"
          ? [...IMR_MODULE_BANDS]
          : [];
  const shown = present(
    analyse(units, kind, body.grouping !== "none", body.test, order),
    scope.suppressSmallCells,
  );
  await audit(db, actor, {
    action: "read",
    entity: "analysis",
    entityId: programmeId,
    programmeId,
    detail: {
      outcome: body.outcome,
      instrument: body.instrument ?? null,
      grouping: body.grouping,
      test: body.test,
      asOf,
      siteIds: scope.siteIds,
      patients: units.length,
    },
  });
  return {
    programmeId,
    request: {
      outcome: body.outcome,
      instrument: body.instrument ?? null,
      grouping: body.grouping,
      test: body.test,
      asOf,
    },
    outcomeKind: kind,
    scope: { siteIds: scope.siteIds, suppressSmallCells: scope.suppressSmallCells },
    ...shown,
  };
}
