import { sql } from "kysely";
import { copyId, copyText } from "./copy-text.ts";
import { mergeInto } from "./merge.ts";
import { PROFILE_SET } from "./professionals.ts";
import { patientReference, siteReference } from "./references.ts";
import type { FileRules } from "./spec.ts";

const CODE = 0;
const PATIENT = 1;
const SITE = 2;
const DATE = 3;
const TYPE = 4;
const SETTING = 5;
const RECIPIENT = 6;
const PROFESSIONAL = 7;
const PROFILE = 8;
const DURATION = 9;
const GROUP = 10;
const MODULE = 11;

const SETTINGS = new Set(["individual", "group"]);
const RECIPIENTS = new Set(["patient", "family", "patient_and_family"]);
const VALUES = [
  "patient_id",
  "site_id",
  "date",
  "type",
  "setting",
  "recipient",
  "professional_code",
  "professional_profile",
  "duration_min",
  "group_id",
  "module",
];

/**
 * interventions.csv: what a patient received. The type is one of the base taxonomy or of any
 * practice's own types; a group intervention names a group of the same site.
 */
export const interventions: FileRules = {
  file: "interventions.csv",
  required: false,
  columns: [
    "intervention_code",
    "patient_code",
    "site_code",
    "date",
    "type",
    "setting",
    "recipient",
    "professional_code",
    "professional_profile",
    "duration_min",
    "group_code",
    "module",
  ],
  staging: [
    ["code", "text"],
    ["patient_code", "text"],
    ["site_code", "text"],
    ["date", "date"],
    ["type", "text"],
    ["setting", "text"],
    ["recipient", "text"],
    ["professional_code", "text"],
    ["professional_profile", "text"],
    ["duration_min", "int"],
    ["group_code", "text"],
    ["module", "text"],
  ],

  check(row, ctx) {
    const code = row.code(CODE, true);
    const patient = patientReference(row, ctx, PATIENT);
    const site = siteReference(row, ctx, SITE);
    const date = row.date(DATE, true);
    const type = row.cell(TYPE, true);
    if (type && !ctx.interventionTypes.has(type))
      row.problem(
        TYPE,
        `unknown intervention type "${type}": not in the base taxonomy nor a practice's own types`,
      );
    const setting = row.oneOf(SETTING, true, SETTINGS);
    const recipient = row.oneOf(RECIPIENT, true, RECIPIENTS);
    const professional = row.code(PROFESSIONAL, false);
    const profile = row.oneOf(PROFILE, false, PROFILE_SET);
    const duration = row.int(DURATION, false, 1, 600);
    const group = row.code(GROUP, false);
    if (group) {
      const g = ctx.group(group);
      if (!g) {
        if (!ctx.unreadable.has("groups.csv"))
          row.problem(GROUP, `unknown group ${group}: not in groups.csv nor in the database`);
      } else if (site && g.site !== site)
        row.problem(GROUP, `group ${group} is at site ${g.site}, not ${site}`);
      if (setting && setting !== "group") row.problem(SETTING, "must be group when a group_code is given");
    }
    const module = row.code(MODULE, false);
    return row.ok
      ? [
          code!,
          patient!,
          site!,
          date!,
          type!,
          setting!,
          recipient!,
          professional ?? null,
          profile ?? null,
          duration ?? null,
          group ?? null,
          module ?? null,
        ]
      : undefined;
  },

  direct: {
    table: "interventions",
    columns: ["code", ...VALUES],
    encode(v, ctx, capture) {
      const patient = ctx.patientId(v[PATIENT] as string);
      const line = `${v[0]}\t${copyId(patient, "patient", v[1]!)}\t${copyId(ctx.siteId(v[2] as string), "site", v[2]!)}\t${v[3]}\t${copyText(v[4])}\t${v[5]}\t${v[6]}\t${copyText(v[7])}\t${copyText(v[8])}\t${copyText(v[9])}\t${v[10] === null ? "\\N" : copyId(ctx.groupId(v[10] as string), "group", v[10]!)}\t${copyText(v[11])}\n`;
      capture?.add(patient!, v[DATE] as string, v[TYPE] as string, v[RECIPIENT] as string | null);
      return line;
    },
    captures: true,
  },

  merge: (x) =>
    mergeInto(x, {
      table: "interventions",
      columns: VALUES,
      values: sql`x.code, pa.id, s.id, x.date, x.type, x.setting, x.recipient, x.professional_code,
        x.professional_profile, x.duration_min, g.id, x.module`,
      from: sql`from x_interventions x
        join patients pa on pa.code = x.patient_code
        join sites s on s.code = x.site_code
        left join groups g on g.code = x.group_code`,
    }),

  async outOfScope({ trx }, scope) {
    const { rows } = await sql<{ line: number; code: string }>`
      select x.line, x.code from x_interventions x join interventions i on i.code = x.code
      where not (i.site_id = any(${[...scope.siteIds]}::int[]))`.execute(trx);
    return rows.map((r) => ({
      line: r.line,
      column: "intervention_code",
      message: `intervention ${r.code} is recorded at a site outside your programmes`,
    }));
  },

  exportQuery: (scope) => sql`
    select i.code as intervention_code, pa.code as patient_code, s.code as site_code, i.date::text as date,
      i.type, i.setting, i.recipient, i.professional_code, i.professional_profile,
      i.duration_min::text as duration_min, g.code as group_code, i.module
    from interventions i
      join patients pa on pa.id = i.patient_id
      join sites s on s.id = i.site_id
      left join groups g on g.id = i.group_id
    where i.patient_id in (${scope.patientIds})
    order by i.code collate "C"`,
};
