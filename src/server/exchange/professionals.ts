import { sql } from "kysely";
import { PROFILES } from "../shared/schemas.ts";
import { mergeInto } from "./merge.ts";
import { siteReference } from "./references.ts";
import type { FileRules } from "./spec.ts";

const CODE = 0;
const SITE = 1;
const PROFILE = 2;
const IN_TEAM = 3;
const TRAINED = 4;
const HOURS = 5;

export const PROFILE_SET: ReadonlySet<string> = new Set(PROFILES);
const VALUES = ["site_id", "profile", "in_implementation_team", "trained", "training_hours"];

/**
 * professionals.csv: the professionals of a site and whether they are in the implementation team.
 * Leaving the team (`in_implementation_team = N`) also ends a team-coordinator role set in Praxis.
 */
export const professionals: FileRules = {
  file: "professionals.csv",
  required: false,
  columns: [
    "professional_code",
    "site_code",
    "profile",
    "in_implementation_team",
    "trained",
    "training_hours",
  ],
  staging: [
    ["code", "text"],
    ["site_code", "text"],
    ["profile", "text"],
    ["in_implementation_team", "boolean"],
    ["trained", "boolean"],
    ["training_hours", "numeric"],
  ],

  check(row, ctx) {
    const code = row.code(CODE, true);
    const site = siteReference(row, ctx, SITE);
    if (code && ctx.scope) {
      const storedSite = ctx.dbProfessionalSites.get(code);
      if (storedSite !== undefined && !ctx.siteIdInScope(storedSite))
        row.problem(CODE, `professional ${code} works at a site outside your programmes`);
    }
    const profile = row.oneOf(PROFILE, true, PROFILE_SET);
    const inTeam = row.yn(IN_TEAM);
    const trained = row.yn(TRAINED);
    const hours = row.decimal(HOURS, false, 0, Number.POSITIVE_INFINITY);
    return row.ok ? [code!, site!, profile!, inTeam!, trained!, hours ?? null] : undefined;
  },

  merge: (x) =>
    mergeInto(x, {
      table: "professionals",
      columns: VALUES,
      values: sql`x.code, s.id, x.profile, x.in_implementation_team, x.trained, x.training_hours`,
      from: sql`from x_professionals x join sites s on s.code = x.site_code`,
      alsoOnUpdate: sql`team_coordinator = t.team_coordinator and n.in_implementation_team`,
    }),

  exportQuery: (scope) => sql`
    select p.code as professional_code, s.code as site_code, p.profile,
      case when p.in_implementation_team then 'Y' else 'N' end as in_implementation_team,
      case when p.trained then 'Y' else 'N' end as trained,
      p.training_hours::text as training_hours
    from professionals p join sites s on s.id = p.site_id
    where p.site_id in (${scope.programmeSiteIds})
    order by p.code collate "C"`,
};
