import { z } from "zod";
import { Id } from "../../shared/schemas.ts";
import { ItemId, ProgrammeParams } from "../schemas.ts";
import { CHAIN_KINDS } from "./graph.ts";

export const SiteParams = ProgrammeParams.extend({ siteId: Id });
export const LinkParams = ProgrammeParams.extend({ linkId: Id });
export const SiteLinkParams = SiteParams.extend({ linkId: Id });

const End = z.strictObject({ kind: z.enum(CHAIN_KINDS), key: ItemId });

export const LinkBody = z.strictObject({ from: End, to: End });
export type LinkBody = z.infer<typeof LinkBody>;

export const ChainQuery = z.strictObject({
  /** Follow the chain from this element (`kind:key`) both ways. */
  focus: z
    .string()
    .max(200)
    .regex(/^[a-z_]+:[A-Za-z0-9_.-]+$/, "kind:key")
    .optional(),
});

const EndView = z.object({ kind: z.enum(CHAIN_KINDS), key: z.string() });

export const ChainView = z.object({
  programmeId: z.number().int(),
  siteId: z.number().int().nullable(),
  canEdit: z.boolean(),
  nodes: z.array(
    z.object({
      kind: z.enum(CHAIN_KINDS),
      key: z.string(),
      label: z.string(),
      detail: z.string().nullable(),
      exists: z.boolean(),
    }),
  ),
  links: z.array(
    z.object({
      id: z.number().int().nullable(),
      from: EndView,
      to: EndView,
      source: z.enum(["stored", "artefact"]),
      broken: z.boolean(),
    }),
  ),
  flags: z.array(
    z.object({
      flag: z.enum([
        "activity_without_output",
        "output_without_indicator",
        "swot_without_activity",
        "broken_link",
      ]),
      kind: z.enum(CHAIN_KINDS),
      key: z.string(),
      linkIndex: z.number().int().nullable(),
      missing: z.enum(["from", "to"]).nullable(),
    }),
  ),
  /** With `focus`: the element and what it leads to (downstream) and comes from (upstream). */
  focus: z
    .object({ ref: z.string(), upstream: z.array(z.string()), downstream: z.array(z.string()) })
    .nullable(),
});
export type ChainView = z.infer<typeof ChainView>;
