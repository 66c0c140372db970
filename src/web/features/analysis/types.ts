import type { z } from "zod";
import type {
  AnalysisQueryInput as AnalysisRequest,
  AnalysisResult,
  PresetList,
} from "../../../server/analysis/schemas.ts";

export type { AnalysisRequest, AnalysisResult };

export type AnalysisRow = AnalysisResult["rows"][number];
export type AnalysisTest = AnalysisResult["tests"][number];
export type Summary = NonNullable<AnalysisRow["summary"]>;
export type Preset = z.infer<typeof PresetList>["presets"][number];
