import { sheetColumns } from "../../../shared/xlsx.ts";
import { checkUniqueIds, Issues } from "../issues.ts";
import { withIds } from "../schemas.ts";
import { type ArtefactSpec, regionAndSiteMounts } from "../versions/artefact-routes.ts";
import { dimensionOf, QUADRANTS, SwotBody, type SwotContent, SwotView, type SwotViewT } from "./schemas.ts";
import { loadTags } from "./tags-repository.ts";

const QUADRANT_TITLES = {
  strength: "Strengths (internal)",
  weakness: "Weaknesses (internal)",
  opportunity: "Opportunities (external)",
  threat: "Threats (external)",
} as const;

/**
 * A SWOT matrix, for the region or a site: items in four quadrants, each with tags from the
 * programme's vocabulary (unknown tags are refused, naming the item and tag).
 */
export const swotSpec: ArtefactSpec<SwotContent, SwotViewT> = {
  kind: "swot",
  what: "SWOT analysis",
  mounts: regionAndSiteMounts("swot", "swot"),
  body: SwotBody,
  viewSchema: SwotView,
  empty: () => ({ items: [] }),
  async prepare(ctx, content) {
    const issues = new Issues();
    const items = withIds(content.items, "swot");
    checkUniqueIds(issues, items, "body.items");
    const known = new Set((await loadTags(ctx.db, ctx.owner.programmeId)).map((t) => t.code));
    items.forEach((item, i) => {
      const seen = new Set<string>();
      item.tags.forEach((tag, j) => {
        if (!known.has(tag))
          issues.add(
            `body.items.${i}.tags.${j}`,
            "reference",
            `"${tag}" is not in the programme's SWOT tag vocabulary; add it there first`,
          );
        if (seen.has(tag))
          issues.add(`body.items.${i}.tags.${j}`, "unique", `the tag "${tag}" is given twice`);
        seen.add(tag);
      });
    });
    issues.throwIfAny();
    return { items };
  },
  view: async (_ctx, content) => ({
    items: content.items.map((i) => ({
      id: i.id!,
      quadrant: i.quadrant,
      dimension: dimensionOf(i.quadrant),
      text: i.text,
      tags: i.tags,
    })),
  }),
  async sheets(ctx, content) {
    const labels = new Map((await loadTags(ctx.db, ctx.owner.programmeId)).map((t) => [t.code, t.label]));
    return [
      {
        name: "SWOT",
        columns: sheetColumns({ Quadrant: 16, "Internal/external": 16, Item: 70, Tags: 40 }),
        rows: QUADRANTS.flatMap((q) =>
          content.items
            .filter((i) => i.quadrant === q)
            .map((i) => [q, i.dimension, i.text, i.tags.map((t) => labels.get(t) ?? t).join("; ")]),
        ),
      },
    ];
  },
  async report(ctx, content, meta) {
    const labels = new Map((await loadTags(ctx.db, ctx.owner.programmeId)).map((t) => [t.code, t.label]));
    return {
      title: `SWOT analysis — ${meta.scope}`,
      lines: [],
      sections: QUADRANTS.map((q) => ({
        heading: QUADRANT_TITLES[q],
        columns: [
          { header: "#", weight: 0.3 },
          { header: "Item", weight: 5 },
          { header: "Tags", weight: 2.5 },
        ],
        rows: content.items
          .filter((i) => i.quadrant === q)
          .map((i, n) => [String(n + 1), i.text, i.tags.map((t) => labels.get(t) ?? t).join(", ")]),
      })),
    };
  },
};
