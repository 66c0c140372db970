import type { Transaction } from "kysely";
import type { Actor, AuditEntry } from "../../infra/audit/audit.ts";
import type { DB } from "../../infra/db/schema.ts";
import { AppError } from "../../infra/http/errors.ts";
import type { Owner } from "./owner.ts";
import { appendVersion, loadCurrent, lockArtefact, type StoredVersion } from "./repository.ts";

/** The audit entity of an artefact kind, e.g. `planning.action_plan`. */
export const auditEntity = (owner: Owner) => `planning.${owner.kind}`;

/**
 * 409 `stale_version`: someone saved a newer version since the client read `base`. Nothing is
 * stored; the message, the `body.baseVersion` issue and the `x-current-version` header name
 * the current version so the client can reload it and apply its change again.
 */
export function staleArtefact(what: string, current: number, base: number): AppError {
  const message =
    current === 0
      ? `this ${what} has not been saved yet: send baseVersion 0 to create it`
      : `version ${current} of this ${what} was saved after the version ${base} you started from; ` +
        "reload it to see the changes, then apply yours again — nothing was saved";
  return new AppError(
    "stale_version",
    message,
    [{ field: "body.baseVersion", rule: "stale_version", message }],
    { "x-current-version": String(current) },
  );
}

export interface Written {
  stored: StoredVersion;
  audit: AuditEntry;
}

/**
 * Save `content` as the next version of the owner's artefact inside the caller's transaction.
 * `baseVersion` is the version the client started from (0 for a first save), or "latest" for
 * server-side writes that build on whatever is current (template, copy to sites). Returns the
 * stored version and the audit entry (before/after snapshots) for the caller to append.
 * `produce` is the content, or a function computing it once the version check has passed (so a
 * stale save is told so before any validation). `fromRegionVersion` marks a site's version that
 * copies that version of the region's artefact (see planning/from-region); the audit says so.
 */
export async function writeVersion(
  trx: Transaction<DB>,
  actor: Actor,
  owner: Owner,
  what: string,
  baseVersion: number | "latest",
  produce: unknown | (() => Promise<unknown>),
  fromRegionVersion: number | null = null,
): Promise<Written> {
  const locked = await lockArtefact(trx, owner);
  if (baseVersion !== "latest" && locked.version !== baseVersion)
    throw staleArtefact(what, locked.version, baseVersion);
  const content = typeof produce === "function" ? await (produce as () => Promise<unknown>)() : produce;
  const before = locked.version === 0 ? null : ((await loadCurrent(trx, owner))?.content ?? null);
  const stored = await appendVersion(trx, locked.id, locked.version + 1, content, actor, fromRegionVersion);
  return {
    stored,
    audit: {
      action: locked.version === 0 ? "create" : "update",
      entity: auditEntity(owner),
      entityId: locked.id,
      siteId: owner.siteId,
      programmeId: owner.programmeId,
      detail: {
        version: stored.version,
        before,
        after: content,
        ...(fromRegionVersion === null ? {} : { fromRegionVersion }),
      },
    },
  };
}
