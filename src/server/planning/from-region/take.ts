import { WHY } from "../../core/access/planning.ts";
import type { AuditEntry } from "../../infra/audit/audit.ts";
import type { Db } from "../../infra/db/database.ts";
import { AppError, forbidden } from "../../infra/http/errors.ts";
import { planningWrite } from "../versions/planning-write.ts";
import { loadCurrent, lockArtefact, type StoredVersion } from "../versions/repository.ts";
import { staleArtefact } from "../versions/write-version.ts";
import { type CopyableSpec, type CopyScope, copyToSite, regionOwner } from "./copy.ts";

export interface TakeInput {
  /** The region version the user chose (the one they saw): a newer one saved since is a 409. */
  regionVersion: number;
  /** The site's version the user saw (0: not started): a site version saved since is a 409. */
  baseVersion: number;
}

/**
 * A site starts from the region's version, or takes the region's newer one over its own: the
 * copy is the site's next version (its history keeps the old ones), linked to the region version,
 * in one audited transaction. `mayReplace` is false for those who may seed a site but not change
 * what its team wrote (the programme's regional coordinators): then a site with a version is 403.
 */
export async function takeRegionVersion<C extends object>(
  db: Db,
  scope: Omit<CopyScope, "trx">,
  spec: CopyableSpec<C>,
  siteId: number,
  input: TakeInput,
  mayReplace: boolean,
): Promise<StoredVersion> {
  return planningWrite(db, scope.actor, async (trx) => {
    const region = await loadCurrent(trx, regionOwner(scope.programme.id, spec.kind));
    if (!region) {
      const message = `the region has not saved its ${spec.what} yet: there is nothing to start from`;
      throw new AppError("conflict", message, [
        { field: "body.regionVersion", rule: "nothing_to_copy", message },
      ]);
    }
    if (region.version !== input.regionVersion) {
      const stale = staleArtefact(`region's ${spec.what}`, region.version, input.regionVersion);
      throw new AppError(
        "stale_version",
        stale.message,
        [{ ...stale.issues[0]!, field: "body.regionVersion" }],
        stale.headers,
      );
    }
    const owner = { programmeId: scope.programme.id, kind: spec.kind, siteId };
    const locked = await lockArtefact(trx, owner);
    if (locked.version > 0 && !mayReplace) throw forbidden(WHY.replaceSite);
    const written = await copyToSite({ ...scope, trx }, spec, siteId, region, input.baseVersion);
    const audits: AuditEntry[] = [written.audit];
    return { result: written.stored, audits };
  });
}
