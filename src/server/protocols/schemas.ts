import { z } from "zod";
import { PROTOCOL_LANGUAGES, SELF_ASSESSMENT_LEVELS } from "../../shared/protocols.ts";
import { ItemId, Label, VersionSummary } from "../planning/public.ts";
import { CivilDate, Id } from "../shared/schemas.ts";

// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** Free text of a protocol, up to `max` characters, without control characters (new lines are fine). */
const Prose = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `at most ${max} characters`)
    .refine((s) => !CONTROL.test(s), "no control characters");

export const CaseStudyBody = z.strictObject({
  id: ItemId.optional(),
  title: Label,
  text: Prose(8000).pipe(z.string().min(1, "required")),
});

export const DimensionBody = z.strictObject({
  id: ItemId.optional(),
  title: Label,
  /** What is expected of a local area on this dimension. */
  expected: Prose(4000).default(""),
  /** "What this might look like": short examples. */
  examples: z
    .array(Prose(2000).pipe(z.string().min(1, "required")))
    .max(30, "at most 30 examples")
    .default([]),
  caseStudies: z.array(CaseStudyBody).max(20, "at most 20 case studies").default([]),
});

export const ProtocolContentBody = z.strictObject({
  title: Label,
  summary: Prose(4000).default(""),
  dimensions: z.array(DimensionBody).max(40, "at most 40 dimensions"),
});
export type ProtocolContentInput = z.infer<typeof ProtocolContentBody>;

export const CreateProtocolBody = z.strictObject({
  regionId: Id,
  language: z.enum(PROTOCOL_LANGUAGES),
  /** Start from a shipped template (its dimensions in `language`) instead of `content`. */
  template: z.enum(["mhsu"]).nullable().default(null),
  content: ProtocolContentBody.nullable().default(null),
});

export const SaveProtocolBody = ProtocolContentBody.extend({
  /** The version the client read; a stale one answers 409 `stale_version`. */
  baseVersion: z.number().int("a whole number").min(1, "versions start at 1").max(2_147_483_647, "too large"),
});

const CaseStudy = z.object({ id: z.string(), title: z.string(), text: z.string() });
const Dimension = z.object({
  id: z.string(),
  title: z.string(),
  expected: z.string(),
  examples: z.array(z.string()),
  caseStudies: z.array(CaseStudy),
});
export const ProtocolContent = z.object({
  title: z.string(),
  summary: z.string(),
  dimensions: z.array(Dimension),
});
export type ProtocolContentT = z.infer<typeof ProtocolContent>;

export const ToolView = z.object({
  id: z.number().int(),
  dimensionId: z.string(),
  fileName: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number().int(),
  uploadedBy: z.string(),
  uploadedAt: z.string(),
});
export type ToolViewT = z.infer<typeof ToolView>;

export const ProtocolView = z.object({
  id: z.number().int(),
  regionId: z.number().int(),
  regionName: z.string(),
  language: z.enum(PROTOCOL_LANGUAGES),
  version: z.number().int(),
  savedAt: z.string(),
  savedBy: z.string(),
  content: ProtocolContent,
  tools: z.array(ToolView),
  /** Whether this user may change the protocol and upload tools. */
  canEdit: z.boolean(),
});
export type ProtocolViewT = z.infer<typeof ProtocolView>;

export const ProtocolSummary = z.object({
  id: z.number().int(),
  regionId: z.number().int(),
  regionName: z.string(),
  language: z.enum(PROTOCOL_LANGUAGES),
  title: z.string(),
  dimensions: z.number().int(),
  version: z.number().int(),
  savedAt: z.string(),
  canEdit: z.boolean(),
});

export const ProtocolRegion = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  canEdit: z.boolean(),
});

export const ListQuery = z.strictObject({ regionId: Id.optional() });

export const SearchQuery = z.strictObject({
  q: z.string().trim().min(2, "at least 2 characters").max(200, "at most 200 characters"),
  regionId: Id.optional(),
});
export const SearchHit = z.object({
  protocolId: z.number().int(),
  protocolTitle: z.string(),
  language: z.enum(PROTOCOL_LANGUAGES),
  kind: z.enum(["protocol", "dimension", "example", "case_study"]),
  dimensionId: z.string().nullable(),
  dimensionTitle: z.string().nullable(),
  title: z.string(),
  /** The matching passage with the matched words between « and ». */
  snippet: z.string(),
  rank: z.number(),
});
export const SearchResult = z.object({ query: z.string(), hits: z.array(SearchHit) });

export const Versions = z.array(VersionSummary);
export const ProtocolVersionParams = z.strictObject({ id: Id, version: Id });
export const DimensionParams = z.strictObject({ id: Id, dimensionId: ItemId });
export const ToolParams = z.strictObject({ toolId: Id });

export const TemplateSummary = z.object({
  code: z.string(),
  language: z.enum(PROTOCOL_LANGUAGES),
  title: z.string(),
  dimensions: z.array(z.string()),
});

/** Links from planning items to dimensions. */
export const LinkBody = z.strictObject({
  /** null: the programme's regional action plan or SWOT. */
  siteId: Id.nullable(),
  itemKind: z.enum(["activity", "swot"]),
  itemId: ItemId,
  /** Both null: remove the item's link. */
  protocolId: Id.nullable(),
  dimensionId: ItemId.nullable(),
});
export type LinkBody = z.infer<typeof LinkBody>;
export const LinkView = z.object({
  programmeId: z.number().int(),
  siteId: z.number().int().nullable(),
  siteCode: z.string().nullable(),
  itemKind: z.enum(["activity", "swot"]),
  itemId: z.string(),
  /** The activity's title or the SWOT item's text, as the planning's current version has it; null when it is gone. */
  itemText: z.string().nullable(),
  protocolId: z.number().int(),
  protocolTitle: z.string(),
  dimensionId: z.string(),
  /** null when the protocol's current version no longer has this dimension. */
  dimensionTitle: z.string().nullable(),
});
export const LinkQuery = z.strictObject({ siteId: Id.optional() });
export const ProgrammeIdParams = z.strictObject({ id: Id });

/** Self-assessment. */
export const AssessmentParams = z.strictObject({ id: Id, siteId: Id });
export const AssessmentBody = z.strictObject({
  assessedOn: CivilDate,
  levels: z
    .array(
      z.strictObject({
        dimensionId: ItemId,
        level: z
          .number()
          .int("a whole number")
          .min(SELF_ASSESSMENT_LEVELS[0], "0 or more")
          .max(SELF_ASSESSMENT_LEVELS[SELF_ASSESSMENT_LEVELS.length - 1]!, "at most 3"),
        note: Prose(1000).default(""),
      }),
    )
    .min(1, "assess at least one dimension")
    .max(40, "at most 40 dimensions"),
});
export type AssessmentBody = z.infer<typeof AssessmentBody>;
export const AssessmentView = z.object({
  id: z.number().int(),
  protocolId: z.number().int(),
  siteId: z.number().int(),
  protocolVersion: z.number().int(),
  assessedOn: z.string(),
  author: z.string(),
  recordedAt: z.string(),
  levels: z.array(z.object({ dimensionId: z.string(), level: z.number().int(), note: z.string() })),
});
export const SiteAssessments = z.object({
  protocolId: z.number().int(),
  siteId: z.number().int(),
  siteCode: z.string(),
  siteName: z.string(),
  canWrite: z.boolean(),
  /** Newest first. */
  history: z.array(AssessmentView),
});
export const AssessmentSiteSummary = z.object({
  siteId: z.number().int(),
  protocolId: z.number().int(),
  protocolTitle: z.string(),
  assessedOn: z.string(),
  meanLevel: z.number(),
  assessed: z.number().int(),
  /** Dimensions assessed below level 2 (not yet in routine practice). */
  below: z.array(z.object({ dimensionId: z.string(), title: z.string(), level: z.number().int() })),
});
export type AssessmentSiteSummary = z.infer<typeof AssessmentSiteSummary>;
export const AssessmentOverview = z.object({ sites: z.array(AssessmentSiteSummary) });
