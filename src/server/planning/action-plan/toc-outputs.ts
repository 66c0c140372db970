import type { Executor } from "../../infra/db/executor.ts";
import type { TocContent } from "../toc/schemas.ts";
import { artefactsAtCurrentVersion } from "../versions/repository.ts";

export interface TocOutput {
  id: string;
  text: string;
  scope: "region" | "site";
}

/**
 * The output nodes an action plan of `siteId` (null = region) may serve: those of its own ToC
 * and, for a site, those of the regional ToC (a plan copied from the region keeps serving them).
 * The site's own output wins when both use an id. One query.
 */
export async function tocOutputs(
  db: Executor,
  programmeId: number,
  siteId: number | null,
): Promise<Map<string, TocOutput>> {
  const rows = await artefactsAtCurrentVersion(db)
    .select(["a.site_id", "v.content"])
    .where("a.programme_id", "=", programmeId)
    .where("a.kind", "=", "toc")
    .where((eb) =>
      siteId === null
        ? eb("a.site_id", "is", null)
        : eb.or([eb("a.site_id", "is", null), eb("a.site_id", "=", siteId)]),
    )
    .execute();
  const out = new Map<string, TocOutput>();
  for (const row of [...rows].sort((a, b) => (a.site_id === null ? -1 : 0) - (b.site_id === null ? -1 : 0))) {
    for (const n of (row.content as TocContent).nodes) {
      if (n.type === "output")
        out.set(n.id, { id: n.id, text: n.text, scope: row.site_id === null ? "region" : "site" });
    }
  }
  return out;
}
