import type { Transaction } from "kysely";
import type { z } from "zod";
import {
  BUILT_IN,
  type IndicatorDefinition,
  loadUserDefinitions,
  targetRange,
} from "../indicators/public.ts";
import type { Executor } from "../infra/db/executor.ts";
import type { DB } from "../infra/db/schema.ts";
import { type FieldIssue, issuesError } from "../infra/http/errors.ts";
import type { IndicatorTarget } from "./schemas.ts";

export type TargetOut = z.infer<typeof IndicatorTarget>;
type TargetIn = TargetOut;

/** A programme's targets: by indicator id, the programme-wide one first, then by site id. */
export async function loadTargets(db: Executor, programmeId: number): Promise<TargetOut[]> {
  const rows = await db
    .selectFrom("indicator_targets")
    .select(["indicator_id", "site_id", "value", "direction"])
    .where("programme_id", "=", programmeId)
    .orderBy("indicator_id")
    .orderBy("site_id", (o) => o.nullsFirst())
    .execute();
  return rows.map((r) => ({
    indicatorId: r.indicator_id,
    siteId: r.site_id,
    value: Number(r.value),
    direction: r.direction as TargetOut["direction"],
  }));
}

/**
 * Check targets against the programme: the indicator is one of its indicators (a built-in, or
 * one of its own — `programmeId` null for a programme being created, which has none yet), the
 * site is one of its sites (`siteIds`: the sites it will have), and the value is in the range of
 * the indicator's kind (targets.ts `targetRange`: a ratio from 0 to 1, a count a whole number ≥ 0,
 * a median ≥ 0). A site's enrolment target is the site's own `targetEnrolment` (which
 * `enrolment_target_met` counts), so it is not set here. Every issue names its field
 * (`body.targets.3.value`).
 */
export async function checkTargets(
  trx: Executor,
  programmeId: number | null,
  targets: readonly TargetIn[],
  siteIds: ReadonlySet<number>,
): Promise<void> {
  if (targets.length === 0) return;
  const own = programmeId === null ? [] : await loadUserDefinitions(trx, programmeId);
  const defs = new Map<string, IndicatorDefinition>(
    [...BUILT_IN, ...own.map((o) => o.definition)].map((d) => [d.id, d]),
  );
  const issues: FieldIssue[] = [];
  targets.forEach((t, i) => {
    const at = `body.targets.${i}`;
    const d = defs.get(t.indicatorId);
    if (!d) {
      issues.push({
        field: `${at}.indicatorId`,
        rule: "unknown",
        message: `"${t.indicatorId}" is not an indicator of this programme`,
      });
      return;
    }
    if (t.siteId !== null && !siteIds.has(t.siteId)) {
      issues.push({
        field: `${at}.siteId`,
        rule: "programme_site",
        message: "is not a site of this programme",
      });
    } else if (t.siteId !== null && d.id === "enrolled") {
      issues.push({
        field: `${at}.siteId`,
        rule: "not_allowed",
        message: "a site's enrolment target is set with the site (targetEnrolment), not here",
      });
    }
    const range = targetRange(d.kind);
    const kindWord = d.kind === "ratio" ? "a ratio target (a fraction: 0.8 = 80 %)" : `a ${d.kind} target`;
    if (t.value < range.min)
      issues.push({
        field: `${at}.value`,
        rule: "too_small",
        params: { min: range.min, origin: "number", inclusive: true },
        message: `${kindWord} must be ${range.min} or more`,
      });
    else if (t.value > range.max)
      issues.push({
        field: `${at}.value`,
        rule: "too_big",
        params: { max: range.max, origin: "number", inclusive: true },
        message: `${kindWord} must be ${range.max} or less`,
      });
    else if (range.whole && !Number.isInteger(t.value))
      issues.push({
        field: `${at}.value`,
        rule: "invalid_type",
        params: { expected: "integer" },
        message: `${kindWord} must be a whole number`,
      });
  });
  if (issues.length) throw issuesError(issues);
}

/** Replace a programme's targets with the given set. */
export async function replaceTargets(
  trx: Transaction<DB>,
  programmeId: number,
  targets: readonly TargetIn[],
): Promise<void> {
  await trx.deleteFrom("indicator_targets").where("programme_id", "=", programmeId).execute();
  if (targets.length)
    await trx
      .insertInto("indicator_targets")
      .values(
        targets.map((t) => ({
          programme_id: programmeId,
          indicator_id: t.indicatorId,
          site_id: t.siteId,
          value: t.value,
          direction: t.direction,
        })),
      )
      .execute();
}

/** Drop the targets of sites no longer in the programme (after its sites were replaced). */
export async function dropTargetsOfRemovedSites(trx: Transaction<DB>, programmeId: number): Promise<void> {
  await trx
    .deleteFrom("indicator_targets")
    .where("programme_id", "=", programmeId)
    .where("site_id", "is not", null)
    .where((eb) =>
      eb.not(
        eb(
          "site_id",
          "in",
          eb.selectFrom("programme_sites").select("site_id").where("programme_id", "=", programmeId),
        ),
      ),
    )
    .execute();
}
