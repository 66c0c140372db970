import { z } from "zod";
import {
  DIRECTORY_SECTORS,
  EMAIL,
  LANGUAGE_CODE,
  PHONE,
  REFERRAL_ROUTES,
  WEB,
} from "../../shared/directory.ts";
import { Code, Id, Name } from "../shared/schemas.ts";

const Text = (max: number) => z.string().trim().max(max, `at most ${max} characters`);

/** A contact value, or null for none; an empty string is no value. */
const Contact = (pattern: RegExp, what: string) =>
  z
    .string()
    .trim()
    .max(300, "at most 300 characters")
    .transform((s) => (s === "" ? null : s))
    .pipe(z.string().regex(pattern, what).nullable())
    .nullable();

/**
 * The fields of a service, the same for the API and each row of a CSV import (csv.ts builds this
 * object from a row and reports each issue at its column).
 */
export const ServiceFields = z.strictObject({
  code: Code,
  name: Name,
  sector: z.enum(DIRECTORY_SECTORS),
  description: Text(4000).default(""),
  areaIds: z
    .array(Id)
    .max(100, "at most 100 areas")
    .refine((a) => new Set(a).size === a.length, {
      message: "an area appears twice",
      params: { rule: "duplicate" },
    })
    .default([]),
  eligibility: Text(2000).default(""),
  referralRoute: z.enum(REFERRAL_ROUTES),
  referralHow: Text(2000).default(""),
  phone: Contact(PHONE, "a phone number: digits, spaces, '.', '/', '-', an optional leading '+'").default(
    null,
  ),
  phonePrivate: z.boolean().default(false),
  email: Contact(EMAIL, "an e-mail address").default(null),
  emailPrivate: z.boolean().default(false),
  web: Contact(WEB, "a web address starting with http:// or https://").default(null),
  webPrivate: z.boolean().default(false),
  openingHours: Text(500).default(""),
  languages: z
    .array(z.string().regex(LANGUAGE_CODE, "an ISO 639 language code in lower case, e.g. it, en"))
    .max(30, "at most 30 languages")
    .refine((a) => new Set(a).size === a.length, {
      message: "a language appears twice",
      params: { rule: "duplicate" },
    })
    .default([]),
});
export type ServiceFields = z.infer<typeof ServiceFields>;

export const ServiceBody = ServiceFields.extend({ regionId: Id });
export const ServicePatch = ServiceFields.partial()
  .extend({ baseVersion: z.number().int().positive(), active: z.boolean().optional() })
  .strict();
export const DeactivateBody = z.strictObject({ baseVersion: z.number().int().positive() });

export const ServiceQuery = z.strictObject({
  regionId: Id,
  sector: z.enum(DIRECTORY_SECTORS).optional(),
  areaId: Id.optional(),
  language: z.string().regex(LANGUAGE_CODE, "an ISO 639 language code in lower case").optional(),
  q: z.string().trim().max(200, "at most 200 characters").optional(),
  includeInactive: z.enum(["true", "false"]).optional(),
});

const AreaRef = z.object({ id: z.number(), code: z.string(), name: z.string() });

export const DirectoryService = z.object({
  id: z.number(),
  regionId: z.number(),
  code: z.string(),
  name: z.string(),
  sector: z.enum(DIRECTORY_SECTORS),
  description: z.string(),
  areas: z.array(AreaRef),
  eligibility: z.string(),
  referralRoute: z.enum(REFERRAL_ROUTES),
  referralHow: z.string(),
  phone: z.string().nullable(),
  phonePrivate: z.boolean(),
  email: z.string().nullable(),
  emailPrivate: z.boolean(),
  web: z.string().nullable(),
  webPrivate: z.boolean(),
  openingHours: z.string(),
  languages: z.array(z.string()),
  active: z.boolean(),
  version: z.number(),
  /** The site of the region whose staff work for this service (they read the plans shared with it). */
  siteId: z.number().nullable(),
});
export type DirectoryService = z.infer<typeof DirectoryService>;

/** A service as the public page shows it: no private contact, no version, no id of anything internal. */
export const PublicService = z.object({
  code: z.string(),
  name: z.string(),
  sector: z.enum(DIRECTORY_SECTORS),
  description: z.string(),
  areas: z.array(z.object({ code: z.string(), name: z.string() })),
  eligibility: z.string(),
  referralRoute: z.enum(REFERRAL_ROUTES),
  referralHow: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  web: z.string().nullable(),
  openingHours: z.string(),
  languages: z.array(z.string()),
});
export type PublicService = z.infer<typeof PublicService>;

export const PublicDirectory = z.object({
  region: z.object({ code: z.string(), name: z.string() }),
  services: z.array(PublicService),
});

export const RegionParams = z.strictObject({ regionId: Id });
export const RegionCodeParams = z.strictObject({ regionCode: Code });

export const DirectorySettings = z.object({ regionId: z.number(), publicEnabled: z.boolean() });
export const SettingsBody = z.strictObject({ publicEnabled: z.boolean() });

export const ImportBody = z.strictObject({
  fileName: z
    .string()
    .trim()
    .min(1, "required")
    .max(200, "at most 200 characters")
    .regex(/^[^/\\]+$/, "a file name without folders")
    .default("services.csv"),
  csv: z.string().max(900_000, "at most 900,000 characters"),
});
export const ImportProblem = z.object({
  file: z.string(),
  line: z.number(),
  column: z.string(),
  message: z.string(),
});
export const ImportResult = z.object({
  status: z.enum(["done", "rejected"]),
  rows: z.number(),
  inserted: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  problems: z.array(ImportProblem),
});
export type ImportResult = z.infer<typeof ImportResult>;

/** A region as the directory page offers it: what the user may do there, and whether its public page is on. */
export const DirectoryRegion = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  canWrite: z.boolean(),
  canSwitchPublic: z.boolean(),
  publicEnabled: z.boolean(),
});
export type DirectoryRegion = z.infer<typeof DirectoryRegion>;

export const ServiceSiteBody = z.strictObject({
  baseVersion: z.number().int().positive(),
  /** A site of the service's region whose staff work for it; null: none. */
  siteId: Id.nullable(),
});
