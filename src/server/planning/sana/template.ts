import { sql } from "kysely";
import { sheetColumns } from "../../../shared/xlsx.ts";
import { AppError } from "../../infra/http/errors.ts";
import { checkUniqueIds, Issues } from "../issues.ts";
import { withIds } from "../schemas.ts";
import { type ArtefactSpec, definitionMount } from "../versions/artefact-routes.ts";
import { SanaTemplateBody, type SanaTemplateContent, SanaTemplateView } from "./schemas.ts";
import { indicatorsById, loadSanaTemplate } from "./template-repository.ts";

/**
 * The programme's SANA template: thematic areas → indicators (name, unit, type). A definition
 * edited by regional coordinators. An indicator that has values somewhere cannot be removed
 * (409 naming where), so no recorded value loses its meaning.
 */
export const sanaTemplateSpec: ArtefactSpec<SanaTemplateContent> = {
  kind: "sana_template",
  what: "SANA template",
  definition: true,
  mounts: [definitionMount("sana/template", "sana_template")],
  body: SanaTemplateBody,
  viewSchema: SanaTemplateView,
  empty: () => ({ areas: [] }),
  async prepare(ctx, content) {
    const issues = new Issues();
    const areas = withIds(content.areas, "area").map((a) => ({
      ...a,
      indicators: withIds(a.indicators, "ind"),
    }));
    checkUniqueIds(issues, areas, "body.areas");
    const seen = new Set<string>();
    areas.forEach((a, i) => {
      checkUniqueIds(issues, a.indicators, `body.areas.${i}.indicators`, seen);
    });
    issues.throwIfAny();
    const before = indicatorsById(await loadSanaTemplate(ctx.db, ctx.owner.programmeId));
    const removed = [...before.keys()].filter((id) => !seen.has(id));
    if (removed.length) {
      const { rows } = await sql<{ indicator_id: string; site_id: number | null }>`
        select distinct val->>'indicatorId' as indicator_id, a.site_id
        from planning_artefacts a
        join planning_versions v on v.artefact_id = a.id and v.version = a.current_version
        cross join lateral jsonb_array_elements(v.content->'values') val
        where a.programme_id = ${ctx.owner.programmeId} and a.kind = 'sana'
          and val->>'indicatorId' in (${sql.join(removed)})
        order by 1, 2 nulls first`.execute(ctx.db);
      if (rows.length) {
        const where = rows.map((r) => {
          const site = ctx.programme.sites.find((s) => s.id === r.site_id);
          return `"${before.get(r.indicator_id)?.name}" has a value for ${site ? site.code : "the region"}`;
        });
        const message = `indicators with values cannot be removed: ${where.join(", ")}; remove the values first`;
        throw new AppError("conflict", message, [{ field: "body.areas", rule: "in_use", message }]);
      }
    }
    return { areas };
  },
  sheets: (_ctx, content) => [
    {
      name: "SANA template",
      columns: sheetColumns({
        Area: 30,
        "Indicator id": 14,
        Indicator: 50,
        Unit: 18,
        Type: 12,
        Description: 50,
      }),
      rows: content.areas.flatMap((a) =>
        a.indicators.map((i) => [a.title, i.id, i.name, i.unit, i.type, i.description]),
      ),
    },
  ],
};
