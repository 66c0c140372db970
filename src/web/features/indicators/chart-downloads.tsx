import { Button, Menu } from "@mantine/core";
import { IconDownload, IconFileTypePng, IconFileTypeSvg } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { fileName, saveFile } from "../../app/ui/download.ts";
import type { ChartOption } from "../../app/ui/echarts-setup.ts";
import { chartPng, chartSvg } from "./chart-export.ts";

/** Download a chart as PNG (canvas) or SVG (ECharts' SVG renderer), titled like a report figure. */
export function ChartDownloads({
  option,
  title,
  subtitle,
  file,
}: {
  option: ChartOption;
  title: string;
  subtitle: string;
  file: Array<string | number>;
}) {
  const { t } = useTranslation();
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          variant="default"
          size="xs"
          leftSection={<IconDownload size={14} aria-hidden="true" />}
          aria-label={t("dashboard.downloadNamed", { name: title })}
        >
          {t("dashboard.download")}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item
          leftSection={<IconFileTypePng size={16} aria-hidden="true" />}
          onClick={() => saveFile(fileName(file, "png"), chartPng(option, title, subtitle))}
        >
          {t("dashboard.downloadPng")}
        </Menu.Item>
        <Menu.Item
          leftSection={<IconFileTypeSvg size={16} aria-hidden="true" />}
          onClick={() => saveFile(fileName(file, "svg"), chartSvg(option, title, subtitle))}
        >
          {t("dashboard.downloadSvg")}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
