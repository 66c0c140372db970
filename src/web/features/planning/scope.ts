/**
 * Where an artefact lives: the programme's region level (`siteId` null) or one of its sites.
 * In the web's addresses the scope is `region` or the site's id; in the API it is
 * `<segment>/region` or `<segment>/sites/<id>`.
 */
export type Scope = { siteId: number | null };

export const REGION: Scope = { siteId: null };

/** `region` or a site id from the address; null when it is neither. */
export function parseScope(param: string | undefined): Scope | null {
  if (param === "region") return REGION;
  const id = Number(param);
  return Number.isInteger(id) && id > 0 ? { siteId: id } : null;
}

export const scopeParam = (s: Scope) => (s.siteId === null ? "region" : String(s.siteId));

/** The API path of an artefact kind at a scope, relative to `/api/programmes/:id/planning/`. */
export const artefactPath = (segment: string, s: Scope) =>
  s.siteId === null ? `${segment}/region` : `${segment}/sites/${s.siteId}`;

/** The web address of a planning page. */
export const planningUrl = (programmeId: number, ...rest: Array<string | number>) =>
  ["", "programmes", programmeId, "planning", ...rest].join("/");
