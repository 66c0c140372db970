import { Anchor, Button, Group, Paper, Select, Stack, Table, Title } from "@mantine/core";
import { IconPlus } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useAreas, useRegions, useSites } from "../../app/data/structure.ts";
import { Page, QueryView } from "../../app/page.tsx";
import { DataTable, EditButton } from "../../app/table.tsx";
import type { Area, Region, Site } from "../../app/types.ts";
import { TitledPanel } from "../../app/ui/titled-panel.tsx";
import { AreaModal } from "./area-modal.tsx";
import { BoundariesCard } from "./boundaries-card.tsx";
import { RegionModal } from "./region-modal.tsx";
import { SiteModal } from "./site-modal.tsx";

/** `undefined`: closed; `null`: creating; a value: editing it. */
type Editing<T> = T | null | undefined;

/** Regions → areas → sites, with create and edit; services are on each site's page. */
export function StructurePage() {
  const { t } = useTranslation();
  const regions = useRegions();
  const [regionId, setRegionId] = useState<number | null>(null);
  const [editRegion, setEditRegion] = useState<Editing<Region>>();
  const current = regions.data?.find((r) => r.id === regionId) ?? regions.data?.[0];

  return (
    <Page
      title={t("structure.title")}
      subtitle={t("structure.subtitle")}
      actions={
        <Button leftSection={<IconPlus size={16} aria-hidden="true" />} onClick={() => setEditRegion(null)}>
          {t("structure.newRegion")}
        </Button>
      }
    >
      <QueryView query={regions}>
        {(list) => (
          <Stack gap="lg">
            <TitledPanel title={t("structure.regions")}>
              <DataTable
                caption={t("structure.regions")}
                head={[t("common.code"), t("common.name"), t("common.actions")]}
                rowCount={list.length}
                empty={t("structure.noRegions")}
              >
                {list.map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Td>{r.code}</Table.Td>
                    <Table.Td>{r.name}</Table.Td>
                    <Table.Td>
                      <EditButton name={r.name} onClick={() => setEditRegion(r)} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </DataTable>
            </TitledPanel>
            {current && (
              <>
                {list.length > 1 && (
                  <Select
                    label={t("structure.showRegion")}
                    maw={320}
                    allowDeselect={false}
                    data={list.map((r) => ({ value: String(r.id), label: `${r.code} — ${r.name}` }))}
                    value={String(current.id)}
                    onChange={(v) => v && setRegionId(Number(v))}
                  />
                )}
                <RegionDetail region={current} />
              </>
            )}
          </Stack>
        )}
      </QueryView>
      {editRegion !== undefined && (
        <RegionModal region={editRegion} onClose={() => setEditRegion(undefined)} />
      )}
    </Page>
  );
}

/** The areas and sites of one region. */
function RegionDetail({ region }: { region: Region }) {
  const { t } = useTranslation();
  const areas = useAreas(region.id);
  const sites = useSites({ regionId: region.id });
  const [areaFilter, setAreaFilter] = useState<string | null>(null);
  const [editArea, setEditArea] = useState<Editing<Area>>();
  const [editSite, setEditSite] = useState<Editing<Site>>();
  const areaList = areas.data ?? [];
  const areaName = (id: number | null) => areaList.find((a) => a.id === id)?.code ?? "—";
  const siteCount = (areaId: number) => (sites.data ?? []).filter((s) => s.areaId === areaId).length;
  const shownSites = (sites.data ?? []).filter((s) => !areaFilter || String(s.areaId) === areaFilter);

  return (
    <>
      <Paper withBorder p="md">
        <Group justify="space-between" mb="sm">
          <Title order={2} size="h4">
            {t("structure.areasOf", { region: region.name })}
          </Title>
          <Button
            variant="light"
            leftSection={<IconPlus size={16} aria-hidden="true" />}
            onClick={() => setEditArea(null)}
          >
            {t("structure.newArea")}
          </Button>
        </Group>
        <QueryView query={areas}>
          {(list) => (
            <DataTable
              caption={t("structure.areasOf", { region: region.name })}
              head={[t("common.code"), t("common.name"), t("structure.siteCount"), t("common.actions")]}
              rowCount={list.length}
              empty={t("structure.noAreas")}
            >
              {list.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td>{a.code}</Table.Td>
                  <Table.Td>{a.name}</Table.Td>
                  <Table.Td>{siteCount(a.id)}</Table.Td>
                  <Table.Td>
                    <EditButton name={a.name} onClick={() => setEditArea(a)} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </DataTable>
          )}
        </QueryView>
      </Paper>
      <BoundariesCard region={region} />

      <Paper withBorder p="md">
        <Group justify="space-between" mb="sm" align="flex-end">
          <Title order={2} size="h4">
            {t("structure.sitesOf", { region: region.name })}
          </Title>
          <Group align="flex-end">
            <Select
              label={t("structure.filterByArea")}
              placeholder={t("structure.allAreas")}
              clearable
              clearButtonProps={{
                "aria-label": t("common.clearNamed", { name: t("structure.filterByArea") }),
              }}
              w={240}
              data={areaList.map((a) => ({ value: String(a.id), label: a.name }))}
              value={areaFilter}
              onChange={setAreaFilter}
            />
            <Button
              variant="light"
              leftSection={<IconPlus size={16} aria-hidden="true" />}
              onClick={() => setEditSite(null)}
            >
              {t("structure.newSite")}
            </Button>
          </Group>
        </Group>
        <QueryView query={sites}>
          {() => (
            <DataTable
              caption={t("structure.sitesOf", { region: region.name })}
              head={[t("common.code"), t("common.name"), t("structure.area"), t("common.actions")]}
              rowCount={shownSites.length}
              empty={t("structure.noSites")}
            >
              {shownSites.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/sites/${s.id}`}>
                      {s.code}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{s.name}</Table.Td>
                  <Table.Td>{areaName(s.areaId)}</Table.Td>
                  <Table.Td>
                    <EditButton name={s.name} onClick={() => setEditSite(s)} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </DataTable>
          )}
        </QueryView>
      </Paper>
      {editArea !== undefined && (
        <AreaModal area={editArea} regionId={region.id} onClose={() => setEditArea(undefined)} />
      )}
      {editSite !== undefined && (
        <SiteModal
          site={editSite}
          regionId={region.id}
          areas={areaList}
          defaultAreaId={areaFilter ? Number(areaFilter) : null}
          onClose={() => setEditSite(undefined)}
        />
      )}
    </>
  );
}
