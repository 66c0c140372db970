import { Menu } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { fileName, saveFile } from "../../../app/ui/download.ts";
import type { TocContent } from "../types.ts";
import type { IndicatorValue } from "./indicator-values.ts";
import { NODE_WIDTH, nodeHeight } from "./node-kinds.ts";
import { positionsOf } from "./toc-layout.ts";
import { svgToPng, tocSvg } from "./toc-svg.ts";

/** Export menu items: the diagram as SVG and as PNG, drawn in the browser. */
export function TocExportItems({
  toc,
  title,
  fileParts,
  values,
}: {
  toc: TocContent;
  title: string;
  fileParts: string[];
  values: Map<string, IndicatorValue>;
}) {
  const { t } = useTranslation();
  const svg = () => {
    const positions = positionsOf(toc);
    return tocSvg(
      title,
      toc.nodes.map((n) => ({
        id: n.id,
        type: n.type,
        typeLabel: t(`planning.toc.type.${n.type}`),
        text: n.text,
        indicators: n.indicatorIds.map((id) => values.get(id) ?? { label: id, shown: "" }),
        ...positions.get(n.id)!,
        width: NODE_WIDTH,
        height: nodeHeight(n.indicatorIds.length),
      })),
      toc.edges,
    );
  };
  return (
    <>
      <Menu.Item
        onClick={() => saveFile(fileName(fileParts, "svg"), new Blob([svg()], { type: "image/svg+xml" }))}
      >
        {t("planning.toc.exportSvg")}
      </Menu.Item>
      <Menu.Item
        onClick={() => void svgToPng(svg()).then((png) => saveFile(fileName(fileParts, "png"), png))}
      >
        {t("planning.toc.exportPng")}
      </Menu.Item>
    </>
  );
}
