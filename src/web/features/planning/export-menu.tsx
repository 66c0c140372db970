import { IconDownload } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { DownloadLink, DownloadMenu } from "../../app/ui/download-menu.tsx";
import { exportUrl } from "./api.ts";

/** Download an artefact as XLSX (and PDF where the server writes one), plus client-side formats. */
export function ExportMenu({
  programmeId,
  path,
  pdf,
  extra,
}: {
  programmeId: number;
  path: string;
  pdf: boolean;
  /** More menu items (e.g. the diagram as SVG and PNG). */
  extra?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <DownloadMenu icon={IconDownload} label={t("planning.export")}>
      <DownloadLink href={exportUrl(programmeId, path, "xlsx")}>{t("planning.exportXlsx")}</DownloadLink>
      {pdf && (
        <DownloadLink href={exportUrl(programmeId, path, "pdf")}>{t("planning.exportPdf")}</DownloadLink>
      )}
      {extra}
    </DownloadMenu>
  );
}
