import { useQuery } from "@tanstack/react-query";
import type { TextSection } from "../../../server/report/text-sections.ts";
import { del, get, put } from "../../app/api.ts";
import { useWrite } from "../../app/mutations.ts";

export type ReportLang = "en" | "it";

/** One text section as GET /api/programmes/:id/report/texts gives it. */
export interface ReportTextSection {
  section: TextSection;
  defaultText: string;
  text: string;
  overridden: boolean;
  placeholders: string[];
  version: number;
  updatedBy: string | null;
  updatedAt: string | null;
}

export interface ReportTextsView {
  programmeId: number;
  lang: ReportLang;
  sections: ReportTextSection[];
}

const key = (programmeId: number, lang: ReportLang) => ["report-texts", programmeId, lang] as const;
const url = (programmeId: number, lang: ReportLang, section: string) =>
  `/api/programmes/${programmeId}/report/texts/${lang}/${section}`;

export const useReportTexts = (programmeId: number, lang: ReportLang) =>
  useQuery({
    queryKey: key(programmeId, lang),
    queryFn: () => get<ReportTextsView>(`/api/programmes/${programmeId}/report/texts?lang=${lang}`),
  });

export const useSaveReportText = (programmeId: number, lang: ReportLang) =>
  useWrite(
    (v: { section: string; text: string; baseVersion: number }) =>
      put<ReportTextsView>(url(programmeId, lang, v.section), { text: v.text, baseVersion: v.baseVersion }),
    [key(programmeId, lang)],
  );

export const useResetReportText = (programmeId: number, lang: ReportLang) =>
  useWrite(
    (v: { section: string; baseVersion: number }) =>
      del<ReportTextsView>(`${url(programmeId, lang, v.section)}?baseVersion=${v.baseVersion}`),
    [key(programmeId, lang)],
  );
