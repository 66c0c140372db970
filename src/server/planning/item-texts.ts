import type { Executor } from "../infra/db/executor.ts";
import type { ActionPlanContent } from "./action-plan/schemas.ts";
import type { SwotContent } from "./swot/schemas.ts";
import { artefactsAtCurrentVersion } from "./versions/repository.ts";

export type PlanningItemKind = "activity" | "swot";

/** The key of a planning item: programme, site ('' for the region's), kind, item id. */
export const planningItemKey = (
  programmeId: number,
  siteId: number | null,
  kind: PlanningItemKind,
  itemId: string,
) => `${programmeId}:${siteId ?? ""}:${kind}:${itemId}`;

/**
 * The activities (their titles) and SWOT items (their texts) of the current action plans and
 * SWOTs of the programmes, keyed by `planningItemKey`, in one query: what other capabilities show
 * of an item they point to by its id (the protocol learning system's links).
 */
export async function planningItemTexts(
  db: Executor,
  programmeIds: readonly number[],
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (programmeIds.length === 0) return out;
  const rows = await artefactsAtCurrentVersion(db)
    .select(["a.programme_id", "a.site_id", "a.kind", "v.content"])
    .where("a.programme_id", "in", [...programmeIds])
    .where("a.kind", "in", ["action_plan", "swot"])
    .execute();
  for (const r of rows) {
    if (r.kind === "action_plan") {
      const plan = r.content as ActionPlanContent;
      for (const area of plan.strategicAreas ?? [])
        for (const sub of area.subAreas ?? [])
          for (const a of sub.activities ?? [])
            if (a.id) out.set(planningItemKey(r.programme_id, r.site_id, "activity", a.id), a.title);
    } else {
      for (const item of (r.content as SwotContent).items ?? [])
        if (item.id) out.set(planningItemKey(r.programme_id, r.site_id, "swot", item.id), item.text);
    }
  }
  return out;
}
