import { Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Page, QueryView } from "../../../app/page.tsx";
import { useSanaCompare } from "../api.ts";
import { PlanningRoute } from "../artefact-route.tsx";
import { planningUrl } from "../scope.ts";
import type { SanaCompare } from "../types.ts";
import type { PlanningProgramme } from "../use-planning-programme.ts";
import { AreaTable } from "./area-table.tsx";
import { IndicatorRowHead } from "./indicator-row-head.tsx";

/** Every SANA indicator as a row, the region and each site as columns, with source and year per value. */
export function SanaComparePage() {
  return <PlanningRoute>{(programme) => <Compare programme={programme} />}</PlanningRoute>;
}

function Compare({ programme }: { programme: PlanningProgramme }) {
  const { t } = useTranslation();
  const compare = useSanaCompare(programme.id);
  return (
    <Page
      title={t("planning.sanaCompare.title")}
      subtitle={t("planning.sanaCompare.subtitle")}
      crumbs={[
        { label: t("nav.programmes"), to: "/programmes" },
        { label: programme.code, to: `/programmes/${programme.id}` },
        { label: t("planning.title"), to: planningUrl(programme.id) },
        { label: t("planning.sanaCompare.title") },
      ]}
    >
      <QueryView query={compare}>{(c) => <CompareTables compare={c} />}</QueryView>
    </Page>
  );
}

function CompareTables({ compare }: { compare: SanaCompare }) {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 2 });
  const shown = (v: number | string | boolean | null) =>
    v === null
      ? "—"
      : typeof v === "boolean"
        ? v
          ? t("common.yes")
          : t("common.no")
        : typeof v === "number"
          ? number.format(v)
          : v;
  return (
    <>
      {compare.areas.map((area) => (
        <AreaTable
          key={area.id}
          id={`cmp-${area.id}`}
          area={area}
          minWidth={300 + compare.columns.length * 120}
          striped
          head={compare.columns.map((c) => (
            <Table.Th key={c.siteId ?? "region"} scope="col">
              {c.siteId === null ? t("planning.region") : c.label}
            </Table.Th>
          ))}
        >
          {area.indicators.map((ind) => (
            <Table.Tr key={ind.id}>
              <IndicatorRowHead indicator={ind} />
              {ind.values.map((cell, i) => (
                <Table.Td key={compare.columns[i]?.siteId ?? "region"}>
                  <Text size="sm">{shown(cell?.value ?? null)}</Text>
                  {cell && (cell.source || cell.year) && (
                    <Text size="xs" c="dimmed">
                      {[cell.source, cell.year].filter(Boolean).join(", ")}
                    </Text>
                  )}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </AreaTable>
      ))}
    </>
  );
}
