import type { ProgrammeWithSites } from "../../core/programme-scope.ts";
import type { Db } from "../../infra/db/database.ts";
import { artefactsAtCurrentVersion } from "../versions/repository.ts";
import type { SanaComparison, SanaValuesContent } from "./schemas.ts";
import { loadSanaTemplate } from "./template-repository.ts";

/**
 * The SANA side by side: one column for the region and one per site of the programme, one row
 * per template indicator. The current values of every column come from one query.
 */
export async function compareSana(db: Db, programme: ProgrammeWithSites): Promise<SanaComparison> {
  const [template, rows] = await Promise.all([
    loadSanaTemplate(db, programme.id),
    artefactsAtCurrentVersion(db)
      .select(["a.site_id", "a.current_version", "v.content"])
      .where("a.programme_id", "=", programme.id)
      .where("a.kind", "=", "sana")
      .execute(),
  ]);
  const columns = [
    { siteId: null as number | null, label: "Region" },
    ...programme.sites.map((s) => ({ siteId: s.id as number | null, label: s.code })),
  ];
  const byColumn = new Map(
    rows.map((r) => [
      r.site_id,
      {
        version: r.current_version,
        values: new Map((r.content as SanaValuesContent).values.map((v) => [v.indicatorId, v])),
      },
    ]),
  );
  return {
    columns: columns.map((c) => ({ ...c, version: byColumn.get(c.siteId)?.version ?? 0 })),
    areas: template.areas.map((a) => ({
      id: a.id!,
      title: a.title,
      indicators: a.indicators.map((i) => ({
        id: i.id!,
        name: i.name,
        unit: i.unit,
        type: i.type,
        values: columns.map((c) => {
          const v = byColumn.get(c.siteId)?.values.get(i.id!);
          return v ? { value: v.value, source: v.source, year: v.year } : null;
        }),
      })),
    })),
    sites: programme.sites,
  };
}
