import type { Executor } from "../../infra/db/executor.ts";
import type { ChainKind, ChainLinkInput } from "./graph.ts";

/** The stored links of a scope (region: `siteId` null), oldest first. */
export async function storedLinks(
  db: Executor,
  programmeId: number,
  siteId: number | null,
): Promise<ChainLinkInput[]> {
  const rows = await db
    .selectFrom("planning_chain_links")
    .select(["id", "from_kind", "from_key", "to_kind", "to_key"])
    .where("programme_id", "=", programmeId)
    .where((eb) => (siteId === null ? eb("site_id", "is", null) : eb("site_id", "=", siteId)))
    .orderBy("id")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    from: { kind: r.from_kind as ChainKind, key: r.from_key },
    to: { kind: r.to_kind as ChainKind, key: r.to_key },
    source: "stored" as const,
  }));
}
