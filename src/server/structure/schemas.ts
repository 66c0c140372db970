import { z } from "zod";
import { SERVICE_KINDS } from "../../shared/vocabulary.ts";
import { Code, Id, Name, nonEmpty } from "../shared/schemas.ts";

export { SERVICE_KINDS };

export const Region = z.object({ id: z.number().int(), code: z.string(), name: z.string() });
export type Region = z.infer<typeof Region>;
export const RegionBody = z.strictObject({ code: Code, name: Name });
export const RegionPatch = z.strictObject({ name: Name });

export const Area = z.object({
  id: z.number().int(),
  regionId: z.number().int(),
  code: z.string(),
  name: z.string(),
});
export type Area = z.infer<typeof Area>;
export const AreaBody = z.strictObject({ regionId: Id, code: Code, name: Name });
export const AreaPatch = nonEmpty(z.strictObject({ name: Name.optional(), regionId: Id.optional() }));

export const Service = z.object({
  id: z.number().int(),
  siteId: z.number().int(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(SERVICE_KINDS),
});
export type Service = z.infer<typeof Service>;
export const ServiceBody = z.strictObject({
  siteId: Id,
  code: Code,
  name: Name,
  kind: z.enum(SERVICE_KINDS),
});
export const ServicePatch = nonEmpty(
  z.strictObject({ name: Name.optional(), kind: z.enum(SERVICE_KINDS).optional() }),
);

export const Site = z.object({
  id: z.number().int(),
  regionId: z.number().int(),
  areaId: z.number().int().nullable(),
  code: z.string(),
  name: z.string(),
});
export type Site = z.infer<typeof Site>;
export const SiteDetail = Site.extend({
  services: z.array(Service),
  programmes: z.array(z.object({ id: z.number().int(), code: z.string(), name: z.string() })),
});
export type SiteDetail = z.infer<typeof SiteDetail>;
export const SiteBody = z.strictObject({
  regionId: Id,
  areaId: Id.nullable().optional(),
  code: Code,
  name: Name,
});
export const SitePatch = nonEmpty(
  z.strictObject({ name: Name.optional(), areaId: Id.nullable().optional() }),
);

export const SiteQuery = z.strictObject({ areaId: Id.optional(), regionId: Id.optional() });
export const AreaQuery = z.strictObject({ regionId: Id.optional() });
export const ServiceQuery = z.strictObject({ siteId: Id.optional() });
