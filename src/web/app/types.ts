/**
 * The API's shapes, inferred from the server's zod schemas (the contract). Types only: nothing
 * of the server ends up in the bundle through this file.
 */
import type { z } from "zod";
import type { Me as MeSchema } from "../../server/accounts/schemas.ts";
import type {
  PracticeBody as PracticeBodySchema,
  PracticeDefinition as PracticeDefinitionSchema,
  Practice as PracticeSchema,
  PracticeSummary as PracticeSummarySchema,
  PracticeUpdate as PracticeUpdateSchema,
  PracticeVersion as PracticeVersionSchema,
} from "../../server/practices/schemas.ts";
import type { ParameterImpact as ParameterImpactSchema } from "../../server/programmes/parameter-impact.ts";
import type {
  ProgrammeBody as ProgrammeBodySchema,
  ProgrammeParameters as ProgrammeParametersSchema,
  Programme as ProgrammeSchema,
  ProgrammeSummary as ProgrammeSummarySchema,
  ProgrammeUpdate as ProgrammeUpdateSchema,
} from "../../server/programmes/schemas.ts";
import type {
  Area as AreaSchema,
  Region as RegionSchema,
  Service as ServiceSchema,
  SiteDetail as SiteDetailSchema,
  Site as SiteSchema,
} from "../../server/structure/schemas.ts";
import type {
  ProfessionalBody as ProfessionalBodySchema,
  ProfessionalPatch as ProfessionalPatchSchema,
  Professional as ProfessionalSchema,
  StaffTurnover as StaffTurnoverSchema,
} from "../../server/teams/schemas.ts";
import type { User as UserSchema } from "../../server/users/schemas.ts";
import type { Role } from "../../shared/roles.ts";

export type Me = z.infer<typeof MeSchema>;
export type Region = z.infer<typeof RegionSchema>;
export type Area = z.infer<typeof AreaSchema>;
export type Site = z.infer<typeof SiteSchema>;
export type SiteDetail = z.infer<typeof SiteDetailSchema>;
export type Service = z.infer<typeof ServiceSchema>;
export type PracticeSummary = z.infer<typeof PracticeSummarySchema>;
export type Practice = z.infer<typeof PracticeSchema>;
export type PracticeDefinition = z.infer<typeof PracticeDefinitionSchema>;
export type PracticeVersion = z.infer<typeof PracticeVersionSchema>;
export type PracticeBody = z.input<typeof PracticeBodySchema>;
export type PracticeUpdate = z.input<typeof PracticeUpdateSchema>;
export type ProgrammeSummary = z.infer<typeof ProgrammeSummarySchema>;
export type Programme = z.infer<typeof ProgrammeSchema>;
export type ProgrammeParameters = z.infer<typeof ProgrammeParametersSchema>;
export type ProgrammeBody = z.input<typeof ProgrammeBodySchema>;
export type ProgrammeUpdate = z.input<typeof ProgrammeUpdateSchema>;
export type ParameterImpact = z.infer<typeof ParameterImpactSchema>;
export type Professional = z.infer<typeof ProfessionalSchema>;
export type ProfessionalBody = z.input<typeof ProfessionalBodySchema>;
export type ProfessionalPatch = z.input<typeof ProfessionalPatchSchema>;
export type StaffTurnover = z.infer<typeof StaffTurnoverSchema>;
export type User = z.infer<typeof UserSchema>;
export type { Role };
export type Grant = { role: Role; programmeId: number | null; siteId: number | null };

export interface AuditEntry {
  seq: number;
  at: string;
  actorId: number | null;
  actor: string;
  action: string;
  entity: string;
  entityId: string | null;
  siteId: number | null;
  programmeId: number | null;
  detail: unknown;
  hash: string;
}
export interface AuditPage {
  entries: AuditEntry[];
  nextBefore: number | null;
}
export interface AuditVerification {
  ok: boolean;
  entries: number;
  brokenAt?: number;
  reason?: string;
  lastHash?: string;
}
