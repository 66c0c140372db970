import { Menu } from "@mantine/core";
import { IconFileDescription, IconPencil } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { DownloadLink, DownloadMenu } from "../../app/ui/download-menu.tsx";
import { lastTwelveMonths, reportUrl } from "./period.ts";
import { ReportTextsModal } from "./report-texts-modal.tsx";

/**
 * The monitoring report of the programme (server-side, GET /api/programmes/:id/report): the twelve
 * months up to the dashboard's date (the items say which days), in the user's language, as a PDF or HTML download. The server
 * decides what the reader may see (viewers get small cells suppressed).
 */
export function ReportMenu({
  programmeId,
  asOf,
  canEditTexts = false,
}: {
  programmeId: number;
  asOf: string;
  /** Offer "Report texts…" (administrators, the programme's coordinators; the server decides). */
  canEditTexts?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const [editing, setEditing] = useState(false);
  const period = lastTwelveMonths(asOf);
  const lang = i18n.language === "it" ? "it" : "en";
  // civil dates, written as the dashboard writes them (medium style, no time zone shift)
  const day = new Intl.DateTimeFormat(i18n.language, { dateStyle: "medium", timeZone: "UTC" });
  const label = {
    from: day.format(new Date(`${period.from}T00:00:00Z`)),
    to: day.format(new Date(`${period.to}T00:00:00Z`)),
  };
  return (
    <>
      <DownloadMenu icon={IconFileDescription} label={t("report.button")}>
        <DownloadLink href={reportUrl(programmeId, period, lang, "pdf")}>
          {t("report.pdf", label)}
        </DownloadLink>
        <DownloadLink href={reportUrl(programmeId, period, lang, "html")}>
          {t("report.html", label)}
        </DownloadLink>
        {canEditTexts && (
          <>
            <Menu.Divider />
            <Menu.Item
              leftSection={<IconPencil size={14} aria-hidden="true" />}
              onClick={() => setEditing(true)}
            >
              {t("report.editTexts")}
            </Menu.Item>
          </>
        )}
      </DownloadMenu>
      {editing && <ReportTextsModal programmeId={programmeId} onClose={() => setEditing(false)} />}
    </>
  );
}
