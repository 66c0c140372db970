import { sheetColumns } from "../../../shared/xlsx.ts";
import { AppError } from "../../infra/http/errors.ts";
import { Issues } from "../issues.ts";
import { type ArtefactSpec, definitionMount } from "../versions/artefact-routes.ts";
import { loadCurrent } from "../versions/repository.ts";
import { TagsBody, type TagsContent } from "./schemas.ts";
import { tagUses } from "./tags-repository.ts";

/**
 * The programme's SWOT tag vocabulary ("staff shortage", "family associations"…), each tag
 * optionally mapped to a CFIR 2.0 domain. A definition: regional coordinators change it. A tag
 * still used by a SWOT cannot be removed (409 naming where), so no SWOT item loses its tag.
 */
export const swotTagsSpec: ArtefactSpec<TagsContent> = {
  kind: "swot_tags",
  what: "SWOT tag vocabulary",
  definition: true,
  mounts: [definitionMount("swot/tags", "swot_tags")],
  body: TagsBody,
  viewSchema: TagsBody,
  empty: () => ({ tags: [] }),
  async prepare(ctx, content) {
    const issues = new Issues();
    const seen = new Set<string>();
    content.tags.forEach((t, i) => {
      if (seen.has(t.code))
        issues.add(`body.tags.${i}.code`, "unique", `the tag "${t.code}" is listed twice`);
      seen.add(t.code);
    });
    issues.throwIfAny();
    const before = ((await loadCurrent(ctx.db, ctx.owner))?.content as TagsContent | undefined)?.tags ?? [];
    const removed = before.map((t) => t.code).filter((c) => !seen.has(c));
    const uses = await tagUses(ctx.db, ctx.owner.programmeId, removed);
    if (uses.length) {
      const where = uses.map((u) => {
        const site = ctx.programme.sites.find((s) => s.id === u.siteId);
        return `"${u.tag}" in the ${site ? `SWOT of ${site.code}` : "regional SWOT"}`;
      });
      const message = `tags still used cannot be removed: ${where.join(", ")}; remove them from those SWOTs first`;
      throw new AppError("conflict", message, [{ field: "body.tags", rule: "in_use", message }]);
    }
    return content;
  },
  sheets: (_ctx, content) => [
    {
      name: "Tags",
      columns: sheetColumns({ Code: 24, Label: 40, "CFIR 2.0 domain": 24 }),
      rows: content.tags.map((t) => [t.code, t.label, t.cfirDomain]),
    },
  ],
};
