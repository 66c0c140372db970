import { sql } from "kysely";
import { detach } from "./fields.ts";
import { mergeInto } from "./merge.ts";
import type { FileRules } from "./spec.ts";

const SITE_CODE = 0;
const SITE_NAME = 1;
const AREA_CODE = 2;
const AREA_NAME = 3;

/**
 * sites.csv: health authorities / departments, with the area above them. An area is created on
 * first use (named `area_name`, or its code when no name is given); a given name renames it.
 */
export const sites: FileRules = {
  file: "sites.csv",
  required: true,
  columns: ["site_code", "site_name", "area_code", "area_name"],
  staging: [
    ["code", "text"],
    ["site_name", "text"],
    ["area_code", "text"],
    ["area_name", "text"],
  ],

  check(row, ctx) {
    const code = row.code(SITE_CODE, true);
    if (code) {
      ctx.sites.add(detach(code));
      if (!ctx.siteInScope(code)) row.problem(SITE_CODE, `site ${code} is not a site of your programmes`);
    }
    const name = row.text(SITE_NAME, true);
    const areaCode = row.code(AREA_CODE, false);
    const areaName = row.text(AREA_NAME, false);
    if (areaName && areaCode === null) row.problem(AREA_NAME, "an area_name needs an area_code");
    if (areaCode) {
      const seen = ctx.areas.get(areaCode);
      const name = areaName ? detach(areaName) : null;
      if (!seen) ctx.areas.set(detach(areaCode), { name, line: row.line });
      else if (name && seen.name === null) ctx.areas.set(areaCode, { name, line: row.line });
      else if (areaName && seen.name !== areaName)
        row.problem(AREA_NAME, `area ${areaCode} is named "${seen.name}" at line ${seen.line}`);
    }
    return row.ok ? [code!, name!, areaCode ?? null, areaName ?? null] : undefined;
  },

  async merge(x) {
    const { trx, regionId } = x;
    await sql`
      insert into areas (region_id, code, name)
      select ${regionId}, area_code, coalesce(max(area_name), area_code) from x_sites x
      where area_code is not null and not exists (select 1 from areas a where a.code = x.area_code)
      group by area_code`.execute(trx);
    await sql`
      update areas a set name = n.area_name
      from (select distinct area_code, area_name from x_sites where area_name is not null) n
      where a.code = n.area_code and a.name <> n.area_name`.execute(trx);
    return mergeInto(x, {
      table: "sites",
      columns: ["name", "area_id"],
      values: sql`x.code, x.site_name, a.id`,
      from: sql`from x_sites x left join areas a on a.code = x.area_code`,
      onInsert: { columns: ["region_id"], values: [sql`${regionId}::integer`] },
    });
  },

  exportQuery: (scope) => sql`
    select s.code as site_code, s.name as site_name, a.code as area_code, a.name as area_name
    from sites s left join areas a on a.id = s.area_id
    where s.id in (${scope.siteIds})
    order by s.code collate "C"`,
};
