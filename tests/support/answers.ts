import type { LightMyRequestResponse } from "fastify";
import { expect } from "vitest";

/** The fields a refusal names, in its order (none when it names none). */
export const fieldsOf = (res: LightMyRequestResponse) =>
  (res.json().issues ?? []).map((i: { field: string }) => i.field);

/** The codes of a listing, in its order. */
export const codesOf = (res: LightMyRequestResponse) => res.json().map((p: { code: string }) => p.code);

/** A programme refused (400) for its second site, which is of another region than the programme's. */
export function expectSiteOfAnotherRegion(res: LightMyRequestResponse) {
  expect(res.statusCode).toBe(400);
  expect(res.json().issues).toEqual([
    {
      field: "body.sites.1.siteId",
      rule: "same_region",
      message: expect.stringContaining("another region"),
    },
  ]);
}
