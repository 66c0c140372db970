import type { Actor } from "../../infra/audit/audit.ts";
import { auditedWrite } from "../../infra/audit/audited-write.ts";
import type { Db } from "../../infra/db/database.ts";
import { conflict, invalid } from "../../infra/http/errors.ts";
import { loadChainElements } from "./elements.ts";
import { nextKind } from "./graph.ts";
import type { LinkBody } from "./schemas.ts";

/**
 * Store a link of the chain at the region or a site, audited. The link must go one step down
 * the chain (a SWOT item to a ToC node, …), both ends must be items of the scope's current
 * versions, and it must not be there already (stored or carried by the artefacts).
 */
export async function addChainLink(
  db: Db,
  actor: Actor,
  programmeId: number,
  siteId: number | null,
  body: LinkBody,
): Promise<number> {
  if (nextKind(body.from.kind) !== body.to.kind)
    throw invalid(
      "body.to.kind",
      "check",
      `a ${body.from.kind} leads to ${nextKind(body.from.kind) ?? "nothing"} in the chain, not to ${body.to.kind}`,
    );
  return auditedWrite(db, actor, { action: "create", entity: "planning.chain_link" }, async (trx) => {
    const { elements, links } = await loadChainElements(trx, programmeId, siteId);
    for (const end of ["from", "to"] as const) {
      const e = body[end];
      if (!elements.some((x) => x.kind === e.kind && x.key === e.key))
        throw invalid(
          `body.${end}.key`,
          "reference",
          `no ${e.kind} "${e.key}" in this plan's current versions`,
        );
    }
    const same = (l: { from: { kind: string; key: string }; to: { kind: string; key: string } }) =>
      l.from.kind === body.from.kind &&
      l.from.key === body.from.key &&
      l.to.kind === body.to.kind &&
      l.to.key === body.to.key;
    if (links.some(same)) throw conflict("the artefacts already carry this link", "body.to.key");
    const taken = await trx
      .selectFrom("planning_chain_links")
      .select("id")
      .where("programme_id", "=", programmeId)
      .where((eb) => (siteId === null ? eb("site_id", "is", null) : eb("site_id", "=", siteId)))
      .where("from_kind", "=", body.from.kind)
      .where("from_key", "=", body.from.key)
      .where("to_kind", "=", body.to.kind)
      .where("to_key", "=", body.to.key)
      .executeTakeFirst();
    if (taken) throw conflict("this link is already stored", "body.to.key");
    const row = await trx
      .insertInto("planning_chain_links")
      .values({
        programme_id: programmeId,
        site_id: siteId,
        from_kind: body.from.kind,
        from_key: body.from.key,
        to_kind: body.to.kind,
        to_key: body.to.key,
        created_by: actor.id,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    return { result: row.id, entityId: row.id, before: null, after: body, siteId, programmeId };
  });
}
