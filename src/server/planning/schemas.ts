import { randomBytes } from "node:crypto";
import { z } from "zod";
import { Id } from "../shared/schemas.ts";

/** Schema pieces shared by the planning artefacts. */

/** An item's id inside a document: given by the client or assigned on save. */
export const ItemId = z
  .string()
  .min(1, "required")
  .max(64, "at most 64 characters")
  .regex(/^[A-Za-z0-9_.-]+$/, "letters, digits, dot, underscore and hyphen only");

export const Text = z.string().trim().min(1, "required").max(2000, "at most 2000 characters");
export const OptionalText = z.string().trim().max(2000, "at most 2000 characters").default("");
export const Label = z.string().trim().min(1, "required").max(200, "at most 200 characters");

/** A fresh item id with a readable prefix, e.g. `act-3f9a0c1d`. */
export const newItemId = (prefix: string) => `${prefix}-${randomBytes(4).toString("hex")}`;

/** Give every item without an id a fresh one. */
export function withIds<T extends { id?: string | undefined }>(
  items: T[],
  prefix: string,
): Array<T & { id: string }> {
  return items.map((item) => ({ ...item, id: item.id ?? newItemId(prefix) }));
}

export const ProgrammeParams = z.strictObject({ programmeId: Id });
export const VersionNumber = z.coerce
  .number()
  .int("a whole number")
  .min(1, "versions start at 1")
  .max(2_147_483_647);

export const VersionSummary = z.object({
  version: z.number().int(),
  savedAt: z.string(),
  savedBy: z.string(),
});
export type VersionSummary = z.infer<typeof VersionSummary>;

export const ChangeSchema = z.object({
  type: z.enum(["added", "removed", "changed"]),
  path: z.array(z.string()),
  before: z.unknown().optional(),
  after: z.unknown().optional(),
});

export const Comparison = z.object({
  from: VersionSummary,
  to: VersionSummary,
  changes: z.array(ChangeSchema),
});
export type Comparison = z.infer<typeof Comparison>;

/** The envelope of an artefact as the API answers it. */
export function documentOf<T extends z.ZodType>(content: T) {
  return z.object({
    programmeId: z.number().int(),
    siteId: z.number().int().nullable(),
    kind: z.string(),
    /** 0 when never saved; send it back as `baseVersion` with the next save. */
    version: z.number().int(),
    savedAt: z.string().nullable(),
    savedBy: z.string().nullable(),
    canEdit: z.boolean(),
    content,
  });
}

export const PlanningSite = z.object({ id: z.number().int(), code: z.string(), name: z.string() });
