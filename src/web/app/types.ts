/**
 * The API's shapes, inferred from the server's zod schemas (the contract). Types only: nothing
 * of the server ends up in the bundle through this file.
 */

export type { Me } from "../../server/accounts/schemas.ts";
export type {
  Practice,
  PracticeBodyInput as PracticeBody,
  PracticeDefinition,
  PracticeSummary,
  PracticeUpdateInput as PracticeUpdate,
  PracticeVersion,
} from "../../server/practices/schemas.ts";
export type { ParameterImpact } from "../../server/programmes/parameter-impact.ts";
export type {
  Programme,
  ProgrammeBodyInput as ProgrammeBody,
  ProgrammeParameters,
  ProgrammeSummary,
  ProgrammeUpdateInput as ProgrammeUpdate,
} from "../../server/programmes/schemas.ts";
export type { Area, Region, Service, Site, SiteDetail } from "../../server/structure/schemas.ts";
export type {
  Professional,
  ProfessionalBodyInput as ProfessionalBody,
  ProfessionalPatchInput as ProfessionalPatch,
  StaffTurnover,
} from "../../server/teams/schemas.ts";
export type { User } from "../../server/users/schemas.ts";
export type { Role } from "../../shared/roles.ts";

import type { Role } from "../../shared/roles.ts";
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
