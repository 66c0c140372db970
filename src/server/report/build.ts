import type { Db } from "../infra/db/database.ts";
import { today } from "../infra/time/civil-date.ts";
import { gatherReport, type ReportAudience } from "./gather.ts";
import { renderReportHtml } from "./html.ts";
import { printPdf } from "./pdf.ts";
import type { ReportLanguage, ReportPeriod } from "./request.ts";
import { loadTextOverrides } from "./text-overrides.ts";
import { effectiveTexts } from "./text-sections.ts";

export const REPORT_FORMATS = ["html", "pdf"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface BuiltReport {
  body: Buffer;
  contentType: string;
  fileName: string;
}

/**
 * The monitoring report of a programme over a period, in a language and a format, for an audience:
 * the data (gather.ts), the programme's own wording of its text sections (text-overrides.ts), its HTML (html.ts) and, for a PDF, that HTML printed (pdf.ts). Undefined
 * for an unknown programme. Shared by the API and `praxis report`.
 */
export async function buildReport(
  db: Db,
  programmeId: number,
  request: { period: ReportPeriod; lang: ReportLanguage; format: ReportFormat; audience: ReportAudience },
): Promise<BuiltReport | undefined> {
  const [data, overrides] = await Promise.all([
    gatherReport(db, programmeId, request.period, request.audience),
    loadTextOverrides(db, programmeId, request.lang),
  ]);
  if (!data) return undefined;
  const html = renderReportHtml(data, request.lang, today(), effectiveTexts(request.lang, overrides));
  const base = `report-${data.programme.code}-${request.period.from}-${request.period.to}-${request.lang}`;
  if (request.format === "html")
    return {
      body: Buffer.from(html, "utf8"),
      contentType: "text/html; charset=utf-8",
      fileName: `${base}.html`,
    };
  return { body: await printPdf(html), contentType: "application/pdf", fileName: `${base}.pdf` };
}
