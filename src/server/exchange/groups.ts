import { sql } from "kysely";
import { detach } from "./fields.ts";
import { mergeInto } from "./merge.ts";
import type { FileRules } from "./spec.ts";

const CODE = 0;
const SITE = 1;
const PROGRAMME = 2;
const KIND = 3;
const START = 4;
const END = 5;
const MAX_SIZE = 6;

const KINDS = new Set(["dbt_skills", "family_connections", "imr", "psychoeducation", "other"]);
const VALUES = ["site_id", "programme_id", "kind", "start_date", "end_date", "max_size"];

/** groups.csv: DBT skills, Family Connections, IMR… groups of a site (and, when given, of a programme). */
export const groups: FileRules = {
  file: "groups.csv",
  required: false,
  columns: ["group_code", "site_code", "programme_code", "kind", "start_date", "end_date", "max_size"],
  staging: [
    ["code", "text"],
    ["site_code", "text"],
    ["programme_code", "text"],
    ["kind", "text"],
    ["start_date", "date"],
    ["end_date", "date"],
    ["max_size", "int"],
  ],

  check(row, ctx) {
    const code = row.code(CODE, true);
    const site = row.code(SITE, true);
    const programme = row.code(PROGRAMME, false);
    if (code && site)
      ctx.groups.set(detach(code), { site: detach(site), programme: programme ? detach(programme) : null });
    if (site) {
      if (!ctx.siteExists(site))
        row.problem(SITE, `unknown site ${site}: not in sites.csv nor in the database`);
      else if (!ctx.siteInScope(site)) row.problem(SITE, `site ${site} is not a site of your programmes`);
    }
    if (programme) {
      if (!ctx.programmeResolves(programme, site ?? null))
        row.problem(PROGRAMME, unknownProgramme(programme));
      else if (!ctx.programmeInScope(programme))
        row.problem(PROGRAMME, `programme ${programme} is not one of your programmes`);
    }
    if (code && ctx.scope) {
      const stored = ctx.dbGroups.get(code);
      if (stored && !ctx.siteIdInScope(stored.siteId))
        row.problem(CODE, `group ${code} belongs to a site outside your programmes`);
    }
    const kind = row.oneOf(KIND, true, KINDS);
    const start = row.date(START, true);
    const end = row.date(END, false);
    if (start && end && end < start) row.problem(END, `${end} is before start_date ${start}`);
    const maxSize = row.int(MAX_SIZE, false, 1, 2_147_483_647);
    return row.ok
      ? [code!, site!, programme ?? null, kind!, start!, end ?? null, maxSize ?? null]
      : undefined;
  },

  merge: (x) =>
    mergeInto(x, {
      table: "groups",
      columns: VALUES,
      values: sql`x.code, s.id, p.id, x.kind, x.start_date, x.end_date, x.max_size`,
      from: sql`from x_groups x join sites s on s.code = x.site_code left join programmes p on p.code = x.programme_code`,
    }),

  exportQuery: (scope) => sql`
    select g.code as group_code, s.code as site_code, p.code as programme_code, g.kind,
      g.start_date::text as start_date, g.end_date::text as end_date, g.max_size::text as max_size
    from groups g join sites s on s.id = g.site_id left join programmes p on p.id = g.programme_id
    where g.id in (${scope.groupIds})
    order by g.code collate "C"`,
};

export const unknownProgramme = (code: string) =>
  `unknown programme ${code}: not in the database (an administrator may create it with --create-programmes)`;
