import type { Transaction } from "kysely";
import type { DB } from "../infra/db/schema.ts";
import { type FieldIssue, issuesError } from "../infra/http/errors.ts";

export interface ProgrammeReferences {
  regionId: number;
  practiceId: number;
  practiceVersion?: number;
  sites?: Array<{ siteId: number }>;
}

/**
 * Check what a programme refers to, in set-based queries: the region, the practice and the
 * version it implements, and its sites (which must exist and lie in the programme's region).
 * `checkRegionAndPractice` is false when they come from the stored programme, not the body.
 * Reports every bad reference by its field path; returns the practice version to store
 * (the practice's current one when none was asked for).
 */
export async function checkProgrammeReferences(
  trx: Transaction<DB>,
  refs: ProgrammeReferences,
  checkRegionAndPractice: boolean,
): Promise<number> {
  const siteIds = refs.sites?.map((s) => s.siteId) ?? [];
  const [region, practice, version, sites] = await Promise.all([
    checkRegionAndPractice
      ? trx.selectFrom("regions").select("id").where("id", "=", refs.regionId).executeTakeFirst()
      : { id: refs.regionId },
    trx
      .selectFrom("practices")
      .select(["id", "current_version"])
      .where("id", "=", refs.practiceId)
      .executeTakeFirst(),
    refs.practiceVersion === undefined
      ? undefined
      : trx
          .selectFrom("practice_versions")
          .select("version")
          .where("practice_id", "=", refs.practiceId)
          .where("version", "=", refs.practiceVersion)
          .executeTakeFirst(),
    siteIds.length
      ? trx.selectFrom("sites").select(["id", "region_id"]).where("id", "in", siteIds).execute()
      : [],
  ]);
  const issues: FieldIssue[] = [];
  if (!region) issues.push({ field: "body.regionId", rule: "reference", message: "no such region" });
  if (!practice) issues.push({ field: "body.practiceId", rule: "reference", message: "no such practice" });
  else if (refs.practiceVersion !== undefined && !version)
    issues.push({
      field: "body.practiceVersion",
      rule: "reference",
      message: `the practice has no version ${refs.practiceVersion} (its current version is ${practice.current_version})`,
    });
  const regionOf = new Map(sites.map((s) => [s.id, s.region_id]));
  siteIds.forEach((id, i) => {
    const siteRegion = regionOf.get(id);
    if (siteRegion === undefined)
      issues.push({ field: `body.sites.${i}.siteId`, rule: "reference", message: `no such site (${id})` });
    else if (region && siteRegion !== refs.regionId)
      issues.push({
        field: `body.sites.${i}.siteId`,
        rule: "same_region",
        message: "the site belongs to another region than the programme",
      });
  });
  if (issues.length) throw issuesError(issues);
  // No issues: the practice exists.
  return refs.practiceVersion ?? practice!.current_version;
}
