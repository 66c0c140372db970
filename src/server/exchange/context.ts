import { sql, type Transaction } from "kysely";
import { patientVisible } from "../core/access/patient-scope.ts";
import type { Principal } from "../infra/auth/principal.ts";
import type { Db } from "../infra/db/database.ts";
import type { DB } from "../infra/db/schema.ts";
import { today, yearOf } from "../infra/time/civil-date.ts";
import { BASE_TAXONOMY } from "../practices/public.ts";
import { detach } from "./fields.ts";
import type { FileName } from "./spec.ts";

/** What a regional coordinator may import: rows of the sites and programmes they coordinate. */
export interface ImportScope {
  siteIds: ReadonlySet<number>;
  programmeIds: ReadonlySet<number>;
  /** Codes of the stored patients the coordinator may see. */
  visiblePatients: ReadonlySet<string>;
}

export interface ImportOptions {
  createProgrammes: boolean;
  ignoreUnknownColumns: boolean;
  /** Region of new sites, areas and programmes; needed only when the database holds several. */
  region?: string;
}

interface StoredEnrolment {
  patient: string;
  programme: string;
  siteId: number;
}

/** A patient and a programme, as one map key. */
export const enrolmentKey = (patient: string, programme: string) => detach(`${patient}\u0000${programme}`);

/**
 * Everything the row rules need to know besides the row: what the database holds (codes only,
 * loaded once, in pages) and what this import has declared so far. Files are read in dependency
 * order (sites before the rows that name them…), so a reference can be resolved when it is read.
 * Memory is a few maps of codes — never rows.
 */
export class ValidationContext {
  readonly year = yearOf(today());

  // What the database holds.
  regions: Array<{ id: number; code: string }> = [];
  dbSites = new Map<string, number>();
  dbAreas = new Set<string>();
  dbProgrammes = new Map<string, number>();
  /** Stored patients: code → id (the id is what a row loaded straight into its table needs). */
  dbPatients = new Map<string, number>();
  dbEnrolments = new Map<string, StoredEnrolment>();
  dbEnrolmentKeys = new Map<string, string>();
  dbGroups = new Map<string, { id: number; site: string; programme: string | null; siteId: number }>();
  dbProfessionalSites = new Map<string, number>();
  interventionTypes = new Set<string>(BASE_TAXONOMY.map((t) => t.code));

  // What this import declares.
  readonly sites = new Set<string>();
  readonly areas = new Map<string, { name: string | null; line: number }>();
  readonly patients = new Set<string>();
  readonly groups = new Map<string, { site: string; programme: string | null }>();
  readonly enrolmentKeys = new Map<string, number>();
  /** Programmes to create (`--create-programmes`), with the sites their rows name. */
  readonly newProgrammes = new Map<string, Set<string>>();
  /** Files whose header is unusable: references to their codes are not reported. */
  readonly unreadable = new Set<FileName>();

  constructor(
    readonly options: ImportOptions,
    readonly scope: ImportScope | null,
  ) {}

  siteExists(code: string): boolean {
    return this.sites.has(code) || this.dbSites.has(code) || this.unreadable.has("sites.csv");
  }
  patientExists(code: string): boolean {
    return this.patients.has(code) || this.dbPatients.has(code) || this.unreadable.has("patients.csv");
  }
  /** The group as this import or the database declares it (the import wins). */
  group(code: string): { site: string; programme: string | null } | undefined {
    return this.groups.get(code) ?? this.dbGroups.get(code);
  }
  /**
   * Whether a programme code resolves: stored, or created by this import when allowed (then the
   * site is remembered to register it with the new programme).
   */
  programmeResolves(code: string, site: string | null): boolean {
    if (this.dbProgrammes.has(code)) return true;
    if (!this.options.createProgrammes || this.scope) return false;
    let sites = this.newProgrammes.get(code);
    if (!sites) {
      sites = new Set();
      this.newProgrammes.set(detach(code), sites);
    }
    if (site && !sites.has(site)) sites.add(detach(site));
    return true;
  }

  /** For a coordinator: is this site one of their programmes' sites? (Always true for others.) */
  siteInScope(code: string): boolean {
    if (!this.scope) return true;
    const id = this.dbSites.get(code);
    return id !== undefined && this.scope.siteIds.has(id);
  }
  siteIdInScope(id: number): boolean {
    return !this.scope || this.scope.siteIds.has(id);
  }
  programmeInScope(code: string): boolean {
    if (!this.scope) return true;
    const id = this.dbProgrammes.get(code);
    return id !== undefined && this.scope.programmeIds.has(id);
  }
  /** A stored patient the coordinator may not see (new patients are theirs to create). */
  patientOutOfScope(code: string): boolean {
    return !!this.scope && this.dbPatients.has(code) && !this.scope.visiblePatients.has(code);
  }

  /**
   * Ids of the rows this import has already merged (sites, patients, groups), for files loaded
   * straight into their table (see direct-load.ts); filled by `loadMergedIds`.
   */
  readonly mergedIds = {
    sites: new Map<string, number>(),
    patients: new Map<string, number>(),
    groups: new Map<string, number>(),
  };

  patientId(code: string): number | undefined {
    return this.mergedIds.patients.get(code) ?? this.dbPatients.get(code);
  }
  siteId(code: string): number | undefined {
    return this.mergedIds.sites.get(code) ?? this.dbSites.get(code);
  }
  groupId(code: string): number | undefined {
    return this.mergedIds.groups.get(code) ?? this.dbGroups.get(code)?.id;
  }

  /** After merging sites, patients and groups inside the import's transaction: their ids. */
  async loadMergedIds(db: Db | Transaction<DB>): Promise<void> {
    const [sites, groups] = await Promise.all([
      db.selectFrom("sites").select(["id", "code"]).execute(),
      db.selectFrom("groups").select(["id", "code"]).execute(),
    ]);
    for (const s of sites) this.mergedIds.sites.set(s.code, s.id);
    for (const g of groups) this.mergedIds.groups.set(g.code, g.id);
    if (this.patients.size === 0) return;
    const { rows } = await sql<{ id: number; code: string }>`
      select p.id, p.code from x_patients x join patients p on p.code = x.code`.execute(db);
    for (const p of rows) this.mergedIds.patients.set(p.code, p.id);
  }

  /** Load the codes the rules check against. */
  async load(db: Db): Promise<void> {
    const [regions, sites, areas, programmes, groups, professionals, types] = await Promise.all([
      db.selectFrom("regions").select(["id", "code"]).orderBy("id").execute(),
      db.selectFrom("sites").select(["id", "code"]).execute(),
      db.selectFrom("areas").select(["code"]).execute(),
      db.selectFrom("programmes").select(["id", "code"]).execute(),
      db
        .selectFrom("groups as g")
        .innerJoin("sites as s", "s.id", "g.site_id")
        .leftJoin("programmes as p", "p.id", "g.programme_id")
        .select(["g.id", "g.code", "s.code as site", "s.id as siteId", "p.code as programme"])
        .execute(),
      db.selectFrom("professionals").select(["code", "site_id"]).execute(),
      sql<{ code: string }>`
        select distinct t->>'code' as code
        from practice_versions v, jsonb_array_elements(coalesce(v.definition->'interventionTypes', '[]'::jsonb)) t`.execute(
        db,
      ),
    ]);
    this.regions = regions;
    for (const s of sites) this.dbSites.set(s.code, s.id);
    for (const a of areas) this.dbAreas.add(a.code);
    for (const p of programmes) this.dbProgrammes.set(p.code, p.id);
    for (const g of groups)
      this.dbGroups.set(g.code, { id: g.id, site: g.site, siteId: g.siteId, programme: g.programme });
    for (const p of professionals) this.dbProfessionalSites.set(p.code, p.site_id);
    for (const t of types.rows) if (t.code) this.interventionTypes.add(t.code);

    await pages(
      (after, limit) =>
        db
          .selectFrom("patients")
          .select(["id", "code"])
          .where("id", ">", after)
          .orderBy("id")
          .limit(limit)
          .execute(),
      (p) => this.dbPatients.set(p.code, p.id),
    );
    await pages(
      (after, limit) =>
        db
          .selectFrom("enrolments as e")
          .innerJoin("patients as p", "p.id", "e.patient_id")
          .innerJoin("programmes as g", "g.id", "e.programme_id")
          .select(["e.id", "e.code", "e.site_id", "p.code as patient", "g.code as programme"])
          .where("e.id", ">", after)
          .orderBy("e.id")
          .limit(limit)
          .execute(),
      (e) => {
        this.dbEnrolments.set(e.code, { patient: e.patient, programme: e.programme, siteId: e.site_id });
        this.dbEnrolmentKeys.set(enrolmentKey(e.patient, e.programme), e.code);
      },
    );
  }
}

/** Load a scope for a regional coordinator: their programmes, those programmes' sites, and the patients they see. */
export async function coordinatorScope(db: Db, principal: Principal): Promise<ImportScope> {
  const programmeIds = new Set(
    principal.grants.filter((g) => g.role === "regional_coordinator").map((g) => g.programmeId!),
  );
  const visiblePatients = new Set<string>();
  await pages(
    (after, limit) =>
      db
        .selectFrom("patients as p")
        .select(["p.id", "p.code"])
        .where((eb) => patientVisible(eb, principal))
        .where("p.id", ">", after)
        .orderBy("p.id")
        .limit(limit)
        .execute(),
    (p) => visiblePatients.add(p.code),
  );
  return { siteIds: new Set(principal.coordinatedSiteIds), programmeIds, visiblePatients };
}

/** Read a table in pages of ids, so a large registry never arrives as one result. */
async function pages<T extends { id: number }>(
  page: (after: number, limit: number) => Promise<T[]>,
  each: (row: T) => void,
  limit = 50_000,
): Promise<void> {
  let after = 0;
  for (;;) {
    const rows = await page(after, limit);
    for (const r of rows) each(r);
    if (rows.length < limit) return;
    after = Number(rows[rows.length - 1]!.id);
  }
}
