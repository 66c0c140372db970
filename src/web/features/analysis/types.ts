import type { z } from "zod";
import type {
  AnalysisQuery,
  PresetList,
  AnalysisResult as Result,
} from "../../../server/analysis/schemas.ts";

export type AnalysisRequest = z.input<typeof AnalysisQuery>;
export type AnalysisResult = z.infer<typeof Result>;
export type AnalysisRow = AnalysisResult["rows"][number];
export type AnalysisTest = AnalysisResult["tests"][number];
export type Summary = NonNullable<AnalysisRow["summary"]>;
export type Preset = z.infer<typeof PresetList>["presets"][number];
