import { Button, Menu } from "@mantine/core";
import { IconDownload } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
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
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="default" leftSection={<IconDownload size={16} aria-hidden="true" />}>
          {t("planning.export")}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item component="a" href={exportUrl(programmeId, path, "xlsx")} download>
          {t("planning.exportXlsx")}
        </Menu.Item>
        {pdf && (
          <Menu.Item component="a" href={exportUrl(programmeId, path, "pdf")} download>
            {t("planning.exportPdf")}
          </Menu.Item>
        )}
        {extra}
      </Menu.Dropdown>
    </Menu>
  );
}
