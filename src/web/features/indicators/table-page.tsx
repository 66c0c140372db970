import { Anchor, Button, Checkbox, Group, Paper, Table, Text, UnstyledButton } from "@mantine/core";
import {
  IconArrowDown,
  IconArrowsSort,
  IconArrowUp,
  IconFileSpreadsheet,
  IconFileTypeCsv,
} from "@tabler/icons-react";
import { type CSSProperties, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ScrollTable } from "../../app/table.tsx";
import { ChoicesField } from "../../app/ui/choices-field.tsx";
import { fileName, saveFile } from "../../app/ui/download.ts";
import { useDashboardHref } from "./as-of.ts";
import { CellValue } from "./cell-value.tsx";
import { type DashboardContext, DashboardPage, WithIndicators } from "./dashboard-page.tsx";
import { csvFile, exportRows, xlsxFile } from "./export.ts";
import { cellState, useFormat } from "./format.ts";
import { useIndicatorText } from "./labels.ts";
import { type SortState, sortSites } from "./sort.ts";
import { TargetMark } from "./target-mark.tsx";
import type { IndicatorMeta } from "./types.ts";

/** Every indicator × site, sortable by any column, exportable to CSV and XLSX. */
export function TablePage() {
  return <WithIndicators>{(ctx) => <IndicatorTable ctx={ctx} />}</WithIndicators>;
}

const sticky: CSSProperties = {
  position: "sticky",
  left: 0,
  zIndex: 1,
  background: "var(--mantine-color-body)",
  boxShadow: "1px 0 0 var(--mantine-color-gray-3)",
};

function IndicatorTable({ ctx }: { ctx: DashboardContext }) {
  const { t } = useTranslation();
  const f = useFormat();
  const href = useDashboardHref();
  const { label } = useIndicatorText();
  const { model, asOf } = ctx;
  const [chosen, setChosen] = useState<string[]>([]);
  const [sort, setSort] = useState<SortState>({ column: "site", descending: false });
  const [withTargets, setWithTargets] = useState(false);
  const shown = useMemo(
    () => (chosen.length ? model.definitions.filter((d) => chosen.includes(d.id)) : model.definitions),
    [chosen, model.definitions],
  );
  const order = useMemo(() => sortSites(model, sort), [model, sort]);
  const date = f.date(asOf);
  const file = (ext: string) => fileName([model.data.programme.code, "indicators", asOf], ext);

  const downloadCsv = () => saveFile(file("csv"), csvFile(exportRows(model, shown, label)));
  const downloadXlsx = () =>
    saveFile(
      file("xlsx"),
      xlsxFile(model, shown, exportRows(model, shown, label), t("dashboard.table.sheetValues"), {
        name: t("dashboard.table.sheetTable"),
        siteHeading: t("dashboard.table.siteCode"),
        siteNameHeading: t("dashboard.table.siteName"),
        programmeLabel: t("dashboard.programmeRow"),
        heading: (m) => (m.kind === "ratio" ? `${label(m)} (%)` : label(m)),
        cell: (m, code) => {
          const c = model.cell(m.id, code);
          const state = cellState(c);
          if (state !== "value" || c.value === null) return f.value(m.kind, c);
          return m.kind === "ratio" ? Math.round(c.value * 1000) / 10 : c.value;
        },
      }),
    );

  const header = (column: string, text: string) => {
    const active = sort.column === column;
    const ariaSort = active ? (sort.descending ? "descending" : "ascending") : "none";
    const Icon = active ? (sort.descending ? IconArrowDown : IconArrowUp) : IconArrowsSort;
    return (
      <Table.Th
        key={column}
        scope="col"
        aria-sort={ariaSort}
        style={column === "site" ? { ...sticky, zIndex: 2 } : { minWidth: 128, verticalAlign: "bottom" }}
      >
        <UnstyledButton
          onClick={() =>
            setSort((s) => ({ column, descending: s.column === column ? !s.descending : column !== "site" }))
          }
          fz="xs"
          fw={700}
          style={{ display: "flex", alignItems: "flex-end", gap: 4, textAlign: "left" }}
        >
          <span>{text}</span>
          <Icon size={14} aria-hidden="true" style={{ flex: "none", opacity: active ? 1 : 0.4 }} />
        </UnstyledButton>
      </Table.Th>
    );
  };

  const row = (code: string | null) => {
    const site = code === null ? null : model.site(code);
    return (
      <Table.Tr key={code ?? "programme"} bg={code === null ? "var(--mantine-color-gray-1)" : undefined}>
        <Table.Th
          scope="row"
          style={{ ...sticky, background: code === null ? "var(--mantine-color-gray-1)" : sticky.background }}
        >
          {site ? (
            <Anchor
              component={Link}
              to={href(`/sites/${encodeURIComponent(site.code)}`)}
              size="sm"
              fw={600}
              title={site.name}
            >
              {site.code}
            </Anchor>
          ) : (
            <Text size="sm" fw={700}>
              {t("dashboard.programmeRow")}
            </Text>
          )}
        </Table.Th>
        {shown.map((m: IndicatorMeta) => {
          const { target } = model.target(m.id, code);
          return [
            <Table.Td key={m.id}>
              <CellValue kind={m.kind} cell={model.cell(m.id, code)} />
              <TargetMark model={model} meta={m} site={code} />
            </Table.Td>,
            withTargets && (
              <Table.Td key={`${m.id}-target`} data-target-of={m.id}>
                <Text size="sm" c="dimmed">
                  {target ? f.target(m.kind, target) : "—"}
                </Text>
              </Table.Td>
            ),
          ];
        })}
      </Table.Tr>
    );
  };

  return (
    <DashboardPage
      ctx={ctx}
      tab="table"
      title={t("dashboard.table.title")}
      actions={
        <>
          <Button
            variant="default"
            leftSection={<IconFileTypeCsv size={16} aria-hidden="true" />}
            onClick={downloadCsv}
          >
            {t("dashboard.downloadCsv")}
          </Button>
          <Button
            variant="default"
            leftSection={<IconFileSpreadsheet size={16} aria-hidden="true" />}
            onClick={downloadXlsx}
          >
            {t("dashboard.downloadXlsx")}
          </Button>
        </>
      }
    >
      <Group align="flex-end" gap="md" wrap="wrap">
        <ChoicesField
          label={t("dashboard.table.filter")}
          placeholder={t("dashboard.table.filterPlaceholder")}
          data={model.definitions.map((d) => ({ value: d.id, label: label(d) }))}
          value={chosen}
          onChange={setChosen}
          searchable
          hidePickedOptions
          maw={720}
          miw={320}
          nothingFoundMessage={t("common.nothingFound")}
        />
        <Checkbox
          label={t("dashboard.table.showTargets")}
          checked={withTargets}
          onChange={(e) => setWithTargets(e.currentTarget.checked)}
          mb={8}
        />
      </Group>
      <Paper withBorder p={0}>
        <ScrollTable minWidth={180 + (withTargets ? 224 : 128) * shown.length} maxHeight="70vh">
          <Table
            striped
            highlightOnHover
            stickyHeader
            verticalSpacing={6}
            horizontalSpacing="sm"
            captionSide="top"
          >
            <caption className="visually-hidden">{t("dashboard.table.caption", { date })}</caption>
            <Table.Thead>
              <Table.Tr>
                {header("site", t("dashboard.site"))}
                {shown.map((m) => [
                  header(m.id, label(m)),
                  withTargets && (
                    <Table.Th key={`${m.id}-target`} scope="col" fz="xs" style={{ verticalAlign: "bottom" }}>
                      {t("dashboard.table.targetOf", { name: label(m) })}
                    </Table.Th>
                  ),
                ])}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {order.map((code) => row(code))}
              {row(null)}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      </Paper>
      <Text size="xs" c="dimmed">
        {t("dashboard.smallSiteLong", { threshold: model.data.smallSiteThreshold })} · {t("dashboard.noData")}
        : {t("dashboard.noDataLong")}
        {model.data.suppression && ` · ${t("dashboard.suppressed")}: ${t("dashboard.suppressedLong")}`}
      </Text>
    </DashboardPage>
  );
}
