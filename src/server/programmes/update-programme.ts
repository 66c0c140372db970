import { sql } from "kysely";
import type { z } from "zod";
import { staleVersion } from "../core/stale-version.ts";
import { actorOf, auditedWrite } from "../infra/audit/audited-write.ts";
import type { Principal } from "../infra/auth/principal.ts";
import { type Db, withoutStatementTimeout } from "../infra/db/database.ts";
import { invalid, notFound } from "../infra/http/errors.ts";
import { checkProgrammeReferences } from "./check-references.ts";
import { recomputeFailure } from "./parameter-impact.ts";
import { loadProgramme, lockProgramme, replaceProgrammeLinks } from "./repository.ts";
import { ProgrammeParameters, type ProgrammeUpdate } from "./schemas.ts";
import { checkTargets, dropTargetsOfRemovedSites, replaceTargets } from "./targets.ts";

/**
 * Change a programme (access checked by the route): optimistic locking on `baseVersion` (409
 * `stale_version`), references and targets checked against the sites it will have; a change of
 * practice version, sites or parameters recomputes the indicator facts in the same transaction.
 */
export async function updateProgramme(
  db: Db,
  p: Principal,
  id: number,
  body: z.infer<typeof ProgrammeUpdate>,
) {
  const { baseVersion, ...change } = body;
  if (Object.values(change).every((v) => v === undefined))
    throw invalid("body", "empty", "send at least one field to change besides baseVersion");
  return auditedWrite(db, actorOf(p), { action: "update", entity: "programme" }, async (trx) => {
    // A change of practice version, sites or parameters recomputes the programme's facts.
    await withoutStatementTimeout(trx);
    const locked = await lockProgramme(trx, id);
    if (!locked) throw notFound("programme");
    if (locked.version !== baseVersion) throw staleVersion("programme", locked.version, baseVersion);
    if (change.practiceVersion !== undefined || change.sites !== undefined) {
      await checkProgrammeReferences(
        trx,
        {
          regionId: locked.region_id,
          practiceId: locked.practice_id,
          practiceVersion: change.practiceVersion,
          sites: change.sites,
        },
        false,
      );
    }
    // the targets name the sites the programme will have
    if (change.targets !== undefined) {
      const siteIds = change.sites
        ? change.sites.map((s) => s.siteId)
        : (
            await trx.selectFrom("programme_sites").select("site_id").where("programme_id", "=", id).execute()
          ).map((r) => r.site_id);
      await checkTargets(trx, id, change.targets, new Set(siteIds));
    }
    const before = (await loadProgramme(trx, id))!;
    const parameters =
      change.parameters && ProgrammeParameters.parse({ ...before.parameters, ...change.parameters });
    try {
      // A change of what the indicator facts depend on recomputes them here (migration 0008).
      await trx
        .updateTable("programmes")
        .set({
          name: change.name,
          practice_version: change.practiceVersion,
          ...(parameters ? { parameters: JSON.stringify(parameters) } : {}),
          version: sql<number>`version + 1`,
          updated_at: new Date(),
        })
        .where("id", "=", id)
        .execute();
    } catch (err) {
      throw recomputeFailure(err) ?? err;
    }
    await replaceProgrammeLinks(trx, id, { phases: change.phases, sites: change.sites });
    if (change.targets !== undefined) await replaceTargets(trx, id, change.targets);
    else if (change.sites !== undefined) await dropTargetsOfRemovedSites(trx, id);
    const after = (await loadProgramme(trx, id))!;
    return { result: { ...after, canEdit: true }, entityId: id, programmeId: id, before, after };
  });
}
