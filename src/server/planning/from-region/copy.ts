import type { Transaction } from "kysely";
import type { ProgrammeWithSites } from "../../core/programme-scope.ts";
import type { Actor, AuditEntry } from "../../infra/audit/audit.ts";
import type { Principal } from "../../infra/auth/principal.ts";
import type { DB } from "../../infra/db/schema.ts";
import type { ArtefactSpec, FromRegion } from "../versions/artefact-routes.ts";
import type { Owner } from "../versions/owner.ts";
import { loadCurrent, lockArtefact, type StoredVersion } from "../versions/repository.ts";
import { type Written, writeVersion } from "../versions/write-version.ts";

/** What copying needs of an artefact spec. */
export type CopyableSpec<C extends object> = Pick<ArtefactSpec<C>, "kind" | "what" | "prepare"> & {
  fromRegion: FromRegion<C>;
};

export interface CopyScope {
  trx: Transaction<DB>;
  actor: Actor;
  principal: Principal;
  programme: ProgrammeWithSites;
}

export const regionOwner = (programmeId: number, kind: Owner["kind"]): Owner => ({
  programmeId,
  kind,
  siteId: null,
});

/**
 * Save the region's version `region` as the site's next version: adapted to the site, checked
 * as a save of the site's would be, linked to the region version (`from_region_version`), and
 * audited with the caller's transaction. `baseVersion` as for a save.
 */
export async function copyToSite<C extends object>(
  { trx, actor, principal, programme }: CopyScope,
  spec: CopyableSpec<C>,
  siteId: number,
  region: StoredVersion,
  baseVersion: number | "latest",
): Promise<Written> {
  const owner: Owner = { programmeId: programme.id, kind: spec.kind, siteId };
  const ctx = { db: trx, owner, programme, principal };
  return writeVersion(
    trx,
    actor,
    owner,
    spec.what,
    baseVersion,
    async () => spec.prepare(ctx, await spec.fromRegion.adapt(ctx, region.content as C)),
    region.version,
  );
}

/**
 * Every site of the programme without a version of this artefact starts from the region's
 * current one — when the kind is copied automatically and the region has a version. Runs inside
 * the region's save (or the template's application): the copies and their audit entries commit
 * with it or not at all. A site that saved its own meanwhile keeps it (checked under the lock).
 */
export async function startSitesFromRegion<C extends object>(
  scope: CopyScope,
  spec: Pick<ArtefactSpec<C>, "kind" | "what" | "prepare" | "fromRegion">,
): Promise<AuditEntry[]> {
  const { trx, programme } = scope;
  const fromRegion = spec.fromRegion;
  if (!fromRegion?.automatic || programme.siteIds.length === 0) return [];
  const region = await loadCurrent(trx, regionOwner(programme.id, spec.kind));
  if (!region) return [];
  const started = await trx
    .selectFrom("planning_artefacts")
    .select("site_id")
    .where("programme_id", "=", programme.id)
    .where("kind", "=", spec.kind)
    .where("site_id", "in", programme.siteIds)
    .where("current_version", ">", 0)
    .execute();
  const has = new Set(started.map((r) => r.site_id));
  const audits: AuditEntry[] = [];
  for (const siteId of programme.siteIds) {
    if (has.has(siteId)) continue;
    const owner: Owner = { programmeId: programme.id, kind: spec.kind, siteId };
    if ((await lockArtefact(scope.trx, owner)).version > 0) continue;
    const written = await copyToSite(scope, { ...spec, fromRegion }, siteId, region, 0);
    audits.push(written.audit);
  }
  return audits;
}
