import { type ExpressionBuilder, type Selectable, sql } from "kysely";
import type { Executor } from "../infra/db/executor.ts";
import type { DB, DirectoryServiceTable } from "../infra/db/schema.ts";
import type { DirectoryService, PublicService, ServiceFields } from "./schemas.ts";

interface AreaRef {
  id: number;
  code: string;
  name: string;
}
type ServiceRow = Omit<Selectable<DirectoryServiceTable>, "updated_at"> & {
  areas: AreaRef[] | null;
  site_id: number | null;
};

const COLUMNS = [
  "d.id",
  "d.region_id",
  "d.code",
  "d.name",
  "d.sector",
  "d.description",
  "d.eligibility",
  "d.referral_route",
  "d.referral_how",
  "d.phone",
  "d.phone_private",
  "d.email",
  "d.email_private",
  "d.web",
  "d.web_private",
  "d.opening_hours",
  "d.languages",
  "d.active",
  "d.version",
] as const;

/** The areas of the service, as one aggregated subquery (no query per service). */
const areasOf = (eb: ExpressionBuilder<DB & { d: DirectoryServiceTable }, "d">) =>
  eb
    .selectFrom("directory_service_areas as sa")
    .innerJoin("areas as a", "a.id", "sa.area_id")
    .select(
      sql<
        AreaRef[]
      >`coalesce(jsonb_agg(jsonb_build_object('id', a.id, 'code', a.code, 'name', a.name) order by a.code), '[]'::jsonb)`.as(
        "areas",
      ),
    )
    .whereRef("sa.service_id", "=", "d.id")
    .as("areas");

/** The site of the region the service's staff work at (migration 0019), as a subquery. */
const siteOf = (eb: ExpressionBuilder<DB & { d: DirectoryServiceTable }, "d">) =>
  eb
    .selectFrom("directory_service_sites as ss")
    .select("ss.site_id")
    .whereRef("ss.service_id", "=", "d.id")
    .as("site_id");

/** Row → API: the only place that knows both shapes. */
export const rowToService = (r: ServiceRow): DirectoryService => ({
  id: r.id,
  regionId: r.region_id,
  code: r.code,
  name: r.name,
  sector: r.sector as DirectoryService["sector"],
  description: r.description,
  areas: r.areas ?? [],
  eligibility: r.eligibility,
  referralRoute: r.referral_route as DirectoryService["referralRoute"],
  referralHow: r.referral_how,
  phone: r.phone,
  phonePrivate: r.phone_private,
  email: r.email,
  emailPrivate: r.email_private,
  web: r.web,
  webPrivate: r.web_private,
  openingHours: r.opening_hours,
  languages: r.languages,
  active: r.active,
  version: r.version,
  siteId: r.site_id ?? null,
});

/** What the public page shows of a service: private contacts are left out here, once. */
export const toPublic = (s: DirectoryService): PublicService => ({
  code: s.code,
  name: s.name,
  sector: s.sector,
  description: s.description,
  areas: s.areas.map((a) => ({ code: a.code, name: a.name })),
  eligibility: s.eligibility,
  referralRoute: s.referralRoute,
  referralHow: s.referralHow,
  phone: s.phonePrivate ? null : s.phone,
  email: s.emailPrivate ? null : s.email,
  web: s.webPrivate ? null : s.web,
  openingHours: s.openingHours,
  languages: s.languages,
});

/** API fields → columns (areas are stored apart: replaceAreas). */
export const fieldsToColumns = (f: ServiceFields) => ({
  code: f.code,
  name: f.name,
  sector: f.sector,
  description: f.description,
  eligibility: f.eligibility,
  referral_route: f.referralRoute,
  referral_how: f.referralHow,
  phone: f.phone,
  phone_private: f.phonePrivate,
  email: f.email,
  email_private: f.emailPrivate,
  web: f.web,
  web_private: f.webPrivate,
  opening_hours: f.openingHours,
  languages: f.languages,
});

export interface ServiceFilter {
  regionId: number;
  sector?: string;
  areaId?: number;
  language?: string;
  q?: string;
  includeInactive?: boolean;
  limit?: number;
}

/**
 * Full-text terms of a search box: each word a prefix match (`cent` finds "centro"), all words
 * required. Words are reduced to letters and digits, so no tsquery syntax comes from the user.
 */
export function searchTerms(q: string): string | null {
  const words = q
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .slice(0, 10);
  return words.length ? words.map((w) => `${w}:*`).join(" & ") : null;
}

/** The services of a region matching the filter, by name, in one query. */
export async function listServices(db: Executor, f: ServiceFilter): Promise<DirectoryService[]> {
  let q = db
    .selectFrom("directory_services as d")
    .select((eb) => [...COLUMNS, areasOf(eb), siteOf(eb)])
    .where("d.region_id", "=", f.regionId);
  if (!f.includeInactive) q = q.where("d.active", "=", true);
  if (f.sector) q = q.where("d.sector", "=", f.sector);
  if (f.language) q = q.where(sql<boolean>`${f.language} = any(d.languages)`);
  if (f.areaId !== undefined) {
    const areaId = f.areaId;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom("directory_service_areas as x")
          .select("x.area_id")
          .whereRef("x.service_id", "=", "d.id")
          .where("x.area_id", "=", areaId),
      ),
    );
  }
  const terms = f.q ? searchTerms(f.q) : null;
  // the expression of the index of migration 0021, word for word, so the index is used
  if (terms)
    q = q.where(
      sql<boolean>`to_tsvector('simple'::regconfig, d.code || ' ' || d.name || ' ' || d.description || ' ' || d.eligibility || ' ' || d.referral_how) @@ to_tsquery('simple'::regconfig, ${terms})`,
    );
  const rows = await q
    .orderBy("d.name")
    .orderBy("d.code")
    .limit(f.limit ?? 2000)
    .execute();
  return rows.map((r) => rowToService(r as ServiceRow));
}

export async function findService(db: Executor, id: number): Promise<DirectoryService | undefined> {
  const row = await db
    .selectFrom("directory_services as d")
    .select((eb) => [...COLUMNS, areasOf(eb), siteOf(eb)])
    .where("d.id", "=", id)
    .executeTakeFirst();
  return row ? rowToService(row as ServiceRow) : undefined;
}

/** Set the areas of several services at once (delete, then one insert). */
export async function replaceAreas(
  db: Executor,
  byService: ReadonlyMap<number, readonly number[]>,
): Promise<void> {
  const ids = [...byService.keys()];
  if (!ids.length) return;
  await db.deleteFrom("directory_service_areas").where("service_id", "in", ids).execute();
  const rows = [...byService].flatMap(([serviceId, areas]) =>
    areas.map((areaId) => ({ service_id: serviceId, area_id: areaId })),
  );
  if (rows.length) await db.insertInto("directory_service_areas").values(rows).execute();
}

/** The areas of a region by id and by code. */
export async function regionAreas(db: Executor, regionId: number) {
  return db.selectFrom("areas").select(["id", "code", "name"]).where("region_id", "=", regionId).execute();
}
