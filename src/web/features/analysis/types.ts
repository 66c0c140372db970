import type { z } from "zod";
import type { AnalysisResult, PresetList } from "../../../server/analysis/schemas.ts";

export type {
  AnalysisQueryInput as AnalysisRequest,
  AnalysisResult,
} from "../../../server/analysis/schemas.ts";

export type AnalysisRow = AnalysisResult["rows"][number];
export type AnalysisTest = AnalysisResult["tests"][number];
export type Summary = NonNullable<AnalysisRow["summary"]>;
export type Preset = z.infer<typeof PresetList>["presets"][number];
