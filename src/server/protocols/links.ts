import type { z } from "zod";
import { canEditPlanning, canReadPlanning } from "../core/access/planning.ts";
import { memberSites } from "../core/access/roles.ts";
import { listProgrammeScopes, type ProgrammeWithSites } from "../core/programme-scope.ts";
import type { Actor } from "../infra/audit/audit.ts";
import { auditedWrite } from "../infra/audit/audited-write.ts";
import type { Principal } from "../infra/auth/principal.ts";
import type { Db } from "../infra/db/database.ts";
import type { Executor } from "../infra/db/executor.ts";
import { invalid } from "../infra/http/errors.ts";
import { planningItemKey, planningItemTexts } from "../planning/public.ts";
import { protocolsAtCurrentVersion } from "./repository.ts";
import type { LinkBody, LinkView, ProtocolContentT } from "./schemas.ts";

type Link = z.infer<typeof LinkView>;

/**
 * Link an item of a programme's planning to a dimension: the team of the item's site (site
 * coordinator or clinician) and whoever may edit that plan. The region's items (site null): those
 * who may edit the region's plan.
 */
export function canLinkItem(p: Principal, programme: ProgrammeWithSites, siteId: number | null): boolean {
  if (canEditPlanning(p, programme, siteId)) return true;
  return siteId !== null && memberSites(p).includes(siteId);
}

/** Links as the API shows them, with the item's current text and the dimension's current title. */
async function present(
  db: Executor,
  rows: Array<{
    programme_id: number;
    site_id: number | null;
    site_code: string | null;
    item_kind: string;
    item_id: string;
    protocol_id: number;
    dimension_id: string;
    content: unknown;
  }>,
): Promise<Link[]> {
  const texts = await planningItemTexts(db, [...new Set(rows.map((r) => r.programme_id))]);
  return rows.map((r) => {
    const content = r.content as ProtocolContentT;
    const kind = r.item_kind as "activity" | "swot";
    return {
      programmeId: r.programme_id,
      siteId: r.site_id,
      siteCode: r.site_code,
      itemKind: kind,
      itemId: r.item_id,
      itemText: texts.get(planningItemKey(r.programme_id, r.site_id, kind, r.item_id)) ?? null,
      protocolId: r.protocol_id,
      protocolTitle: content.title,
      dimensionId: r.dimension_id,
      dimensionTitle: content.dimensions.find((d) => d.id === r.dimension_id)?.title ?? null,
    };
  });
}

const linkRows = (db: Executor) =>
  db
    .selectFrom("protocol_dimension_links as l")
    .leftJoin("sites as s", "s.id", "l.site_id")
    .innerJoin("protocols as p", "p.id", "l.protocol_id")
    .innerJoin("protocol_versions as v", (j) =>
      j.onRef("v.protocol_id", "=", "p.id").onRef("v.version", "=", "p.current_version"),
    )
    .select([
      "l.programme_id",
      "l.site_id",
      "s.code as site_code",
      "l.item_kind",
      "l.item_id",
      "l.protocol_id",
      "l.dimension_id",
      "v.content",
    ]);

/** The links of a programme's items the principal may read (one site's, or all they may read). */
export async function listProgrammeLinks(
  db: Executor,
  p: Principal,
  programme: ProgrammeWithSites,
  siteId: number | undefined,
): Promise<Link[]> {
  let q = linkRows(db).where("l.programme_id", "=", programme.id);
  if (siteId !== undefined)
    q = q.where((eb) => eb.or([eb("l.site_id", "=", siteId), eb("l.site_id", "is", null)]));
  const rows = (await q.orderBy("l.site_id").orderBy("l.item_id").execute()).filter((r) =>
    canReadPlanning(p, programme, r.site_id),
  );
  return present(db, rows);
}

/** The items that address a dimension, across programmes, those the principal may read. */
export async function listDimensionLinks(
  db: Executor,
  p: Principal,
  protocolId: number,
  dimensionId: string,
): Promise<Link[]> {
  const rows = await linkRows(db)
    .where("l.protocol_id", "=", protocolId)
    .where("l.dimension_id", "=", dimensionId)
    .orderBy("l.programme_id")
    .orderBy("s.code")
    .orderBy("l.item_id")
    .execute();
  const scopes = new Map((await listProgrammeScopes(db as Db)).map((s) => [s.id, s]));
  const readable = rows.filter((r) => {
    const s = scopes.get(r.programme_id);
    return s && canReadPlanning(p, { id: s.id, code: s.code, regionId: 0, siteIds: s.siteIds }, r.site_id);
  });
  return present(db, readable);
}

/**
 * Set (or, with protocolId and dimensionId null, remove) the dimension an item addresses, in one
 * audited transaction. The protocol must be of the programme's region, the dimension in its
 * current version, the item in the plan's current version — each refused naming its field.
 */
export async function setLink(
  db: Db,
  actor: Actor,
  programme: ProgrammeWithSites,
  body: LinkBody,
): Promise<Link | null> {
  const { siteId, itemKind, itemId } = body;
  if ((body.protocolId === null) !== (body.dimensionId === null))
    throw invalid("body.dimensionId", "required", "send both protocolId and dimensionId, or neither");
  const texts = await planningItemTexts(db, [programme.id]);
  if (!texts.has(planningItemKey(programme.id, siteId, itemKind, itemId)))
    throw invalid(
      "body.itemId",
      "unknown",
      `no ${itemKind === "activity" ? "activity" : "SWOT item"} with this id in the current plan`,
    );
  if (body.protocolId !== null) {
    const protocol = await protocolsAtCurrentVersion(db)
      .select(["p.region_id", "v.content"])
      .where("p.id", "=", body.protocolId)
      .executeTakeFirst();
    if (!protocol) throw invalid("body.protocolId", "unknown", "no protocol with this id");
    if (protocol.region_id !== programme.regionId)
      throw invalid("body.protocolId", "same_region", "the protocol must be of the programme's region");
    if (!(protocol.content as ProtocolContentT).dimensions.some((d) => d.id === body.dimensionId))
      throw invalid("body.dimensionId", "unknown", "the protocol has no dimension with this id");
  }
  const entityId = `${programme.id}:${siteId ?? "region"}:${itemKind}:${itemId}`;
  return auditedWrite(
    db,
    actor,
    { action: body.protocolId === null ? "delete" : "update", entity: "protocol_link" },
    async (trx) => {
      const match = trx
        .deleteFrom("protocol_dimension_links")
        .where("programme_id", "=", programme.id)
        .where((eb) => (siteId === null ? eb("site_id", "is", null) : eb("site_id", "=", siteId)))
        .where("item_kind", "=", itemKind)
        .where("item_id", "=", itemId)
        .returning(["protocol_id", "dimension_id"]);
      const removed = await match.executeTakeFirst();
      const before = removed ? { protocolId: removed.protocol_id, dimensionId: removed.dimension_id } : null;
      if (body.protocolId === null || body.dimensionId === null)
        return { result: null, entityId, before, after: null, siteId, programmeId: programme.id };
      await trx
        .insertInto("protocol_dimension_links")
        .values({
          programme_id: programme.id,
          site_id: siteId,
          item_kind: itemKind,
          item_id: itemId,
          protocol_id: body.protocolId,
          dimension_id: body.dimensionId,
          created_by: actor.id,
        })
        .execute();
      const [link] = await present(
        trx,
        await linkRows(trx)
          .where("l.programme_id", "=", programme.id)
          .where((eb) => (siteId === null ? eb("l.site_id", "is", null) : eb("l.site_id", "=", siteId)))
          .where("l.item_kind", "=", itemKind)
          .where("l.item_id", "=", itemId)
          .execute(),
      );
      return {
        result: link!,
        entityId,
        before,
        after: { protocolId: body.protocolId, dimensionId: body.dimensionId },
        siteId,
        programmeId: programme.id,
      };
    },
  );
}
