/**
 * CSV meant for people is opened in spreadsheet programs, which run a cell that begins with
 * `=`, `+`, `-`, `@`, a tab or a carriage return as a formula (CSV/formula injection). As OWASP
 * advises, such a *text* cell gets a leading single quote, which spreadsheets show as text.
 * Numbers are never touched: -3 stays -3. Machine formats (the exchange export) stay exact and
 * do not use this — see docs/import.md.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function spreadsheetSafe<T>(value: T): T | string {
  return typeof value === "string" && FORMULA_START.test(value) ? `'${value}` : value;
}
