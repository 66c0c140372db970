import type { ValidationContext } from "./context.ts";
import type { Row } from "./fields.ts";

/**
 * The references a row names, read and checked the same way in every file: the code in column
 * `col` (required), a problem on that column when nothing in the extract or the database has it
 * (or, for a site, when it is outside the importer's programmes). Returns the code as read.
 */
export function patientReference(row: Row, ctx: ValidationContext, col: number) {
  const patient = row.code(col, true);
  if (patient && !ctx.patientExists(patient))
    row.problem(col, `unknown patient ${patient}: not in patients.csv nor in the database`);
  return patient;
}

export function siteReference(row: Row, ctx: ValidationContext, col: number) {
  const site = row.code(col, true);
  if (site) {
    if (!ctx.siteExists(site)) row.problem(col, `unknown site ${site}: not in sites.csv nor in the database`);
    else if (!ctx.siteInScope(site)) row.problem(col, `site ${site} is not a site of your programmes`);
  }
  return site;
}
