import type { z } from "zod";
import { canReadPlanning } from "../core/access/planning.ts";
import type { ProgrammeWithSites } from "../core/programme-scope.ts";
import type { Actor } from "../infra/audit/audit.ts";
import { auditedWrite } from "../infra/audit/audited-write.ts";
import type { Principal } from "../infra/auth/principal.ts";
import type { Db } from "../infra/db/database.ts";
import type { Executor } from "../infra/db/executor.ts";
import { type FieldIssue, issuesError } from "../infra/http/errors.ts";
import { today } from "../infra/time/civil-date.ts";
import { protocolsAtCurrentVersion } from "./repository.ts";
import type { AssessmentBody, AssessmentSiteSummary, AssessmentView, ProtocolContentT } from "./schemas.ts";

type Assessment = z.infer<typeof AssessmentView>;
type Level = Assessment["levels"][number];

const iso = (d: Date | string) => (d instanceof Date ? d.toISOString() : new Date(d).toISOString());

/** The level a dimension counts as "in routine practice" from; below it the overview lists it. */
export const IN_PRACTICE_LEVEL = 2;

/** What is wrong with a self-assessment against the protocol's current dimensions (pure). */
export function assessmentIssues(
  body: z.infer<typeof AssessmentBody>,
  content: ProtocolContentT,
  todayDate: string,
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (body.assessedOn > todayDate)
    issues.push({
      field: "body.assessedOn",
      rule: "future",
      params: { today: todayDate },
      message: "cannot be in the future",
    });
  const known = new Set(content.dimensions.map((d) => d.id));
  const seen = new Set<string>();
  body.levels.forEach((l, i) => {
    if (!known.has(l.dimensionId))
      issues.push({
        field: `body.levels.${i}.dimensionId`,
        rule: "unknown",
        message: "the protocol has no such dimension",
      });
    else if (seen.has(l.dimensionId))
      issues.push({ field: `body.levels.${i}.dimensionId`, rule: "duplicate", message: "appears twice" });
    seen.add(l.dimensionId);
  });
  return issues;
}

/** Mean level and the dimensions below `IN_PRACTICE_LEVEL`, with their current titles (pure). */
export function summarise(levels: Level[], content: ProtocolContentT) {
  const titles = new Map(content.dimensions.map((d) => [d.id, d.title]));
  const counted = levels.filter((l) => titles.has(l.dimensionId));
  const mean = counted.length ? counted.reduce((s, l) => s + l.level, 0) / counted.length : 0;
  return {
    meanLevel: Math.round(mean * 100) / 100,
    assessed: counted.length,
    below: counted
      .filter((l) => l.level < IN_PRACTICE_LEVEL)
      .map((l) => ({ dimensionId: l.dimensionId, title: titles.get(l.dimensionId)!, level: l.level })),
  };
}

/** The columns of a self-assessment's view (toView), as listed and as recorded. */
const ASSESSMENT_COLUMNS = [
  "id",
  "protocol_id",
  "site_id",
  "protocol_version",
  "assessed_on",
  "author",
  "created_at",
  "levels",
] as const;

const toView = (r: {
  id: number;
  protocol_id: number;
  site_id: number;
  protocol_version: number;
  assessed_on: string;
  author: string;
  created_at: Date;
  levels: unknown;
}): Assessment => ({
  id: r.id,
  protocolId: r.protocol_id,
  siteId: r.site_id,
  protocolVersion: r.protocol_version,
  assessedOn: r.assessed_on,
  author: r.author,
  recordedAt: iso(r.created_at),
  levels: r.levels as Level[],
});

/** A site's self-assessments against a protocol, newest first. */
export async function listAssessments(
  db: Executor,
  protocolId: number,
  siteId: number,
): Promise<Assessment[]> {
  const rows = await db
    .selectFrom("protocol_assessments")
    .select(ASSESSMENT_COLUMNS)
    .where("protocol_id", "=", protocolId)
    .where("site_id", "=", siteId)
    .orderBy("assessed_on", "desc")
    .orderBy("id", "desc")
    .execute();
  return rows.map(toView);
}

/** Record a self-assessment (a new row: the history is kept), audited. */
export async function recordAssessment(
  db: Db,
  actor: Actor,
  protocolId: number,
  siteId: number,
  body: AssessmentBody,
): Promise<Assessment> {
  return auditedWrite(db, actor, { action: "create", entity: "protocol_assessment" }, async (trx) => {
    const current = await protocolsAtCurrentVersion(trx)
      .select(["p.current_version", "v.content"])
      .where("p.id", "=", protocolId)
      .executeTakeFirstOrThrow();
    const issues = assessmentIssues(body, current.content as ProtocolContentT, today());
    if (issues.length) throw issuesError(issues);
    const row = await trx
      .insertInto("protocol_assessments")
      .values({
        protocol_id: protocolId,
        site_id: siteId,
        protocol_version: current.current_version,
        assessed_on: body.assessedOn,
        levels: JSON.stringify(body.levels),
        created_by: actor.id,
        author: actor.name,
      })
      .returning(ASSESSMENT_COLUMNS)
      .executeTakeFirstOrThrow();
    const view = toView(row);
    return { result: view, entityId: view.id, before: null, after: view, siteId };
  });
}

/**
 * The planning overview's self-assessment column: for each site of the programme the principal
 * may read planning of, its latest self-assessment against any protocol of the programme's
 * region, summarised (one query).
 */
export async function assessmentOverview(
  db: Executor,
  p: Principal,
  programme: ProgrammeWithSites,
): Promise<Array<AssessmentSiteSummary>> {
  const siteIds = programme.siteIds.filter((s) => canReadPlanning(p, programme, s));
  if (siteIds.length === 0) return [];
  const rows = await db
    .selectFrom("protocol_assessments as a")
    .innerJoin("protocols as p", "p.id", "a.protocol_id")
    .innerJoin("protocol_versions as v", (j) =>
      j.onRef("v.protocol_id", "=", "p.id").onRef("v.version", "=", "p.current_version"),
    )
    .distinctOn("a.site_id")
    .select(["a.site_id", "a.protocol_id", "a.assessed_on", "a.levels", "v.content"])
    .where("p.region_id", "=", programme.regionId)
    .where("a.site_id", "in", siteIds)
    .orderBy("a.site_id")
    .orderBy("a.assessed_on", "desc")
    .orderBy("a.id", "desc")
    .execute();
  return rows.map((r) => {
    const content = r.content as ProtocolContentT;
    return {
      siteId: r.site_id,
      protocolId: r.protocol_id,
      protocolTitle: content.title,
      assessedOn: r.assessed_on,
      ...summarise(r.levels as Level[], content),
    };
  });
}
