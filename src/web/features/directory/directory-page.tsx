import {
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  Paper,
  Select,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconDownload, IconPlus, IconUpload } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { DIRECTORY_SECTORS } from "../../../shared/directory.ts";
import { useAreas } from "../../app/data/structure.ts";
import { useDescribeError } from "../../app/errors.ts";
import { Page, QueryView } from "../../app/page.tsx";
import { DataTable } from "../../app/table.tsx";
import {
  type DirectoryRegion,
  type DirectoryService,
  type ServiceFilters,
  useDirectoryRegions,
  useDirectoryServices,
  useSwitchPublic,
} from "./api.ts";
import { ImportModal } from "./import-modal.tsx";
import { ServiceDrawer } from "./service-drawer.tsx";
import { ServiceForm } from "./service-form.tsx";

/** The directory of services of the user's region(s): search, filters, details, and changes for those who may. */
export function DirectoryPage() {
  const { t } = useTranslation();
  const regions = useDirectoryRegions();
  return (
    <Page title={t("directory.title")} subtitle={t("directory.subtitle")}>
      <QueryView query={regions}>
        {(list) =>
          list.length ? <RegionDirectory regions={list} /> : <Text>{t("directory.noRegion")}</Text>
        }
      </QueryView>
    </Page>
  );
}

function RegionDirectory({ regions }: { regions: DirectoryRegion[] }) {
  const { t } = useTranslation();
  const [regionId, setRegionId] = useState(regions[0]!.id);
  const region = regions.find((r) => r.id === regionId) ?? regions[0]!;
  const [filters, setFilters] = useState<ServiceFilters>({
    sector: null,
    areaId: null,
    language: "",
    q: "",
    includeInactive: false,
  });
  const services = useDirectoryServices(region.id, filters);
  const areas = useAreas(region.id);
  const [open, setOpen] = useState<DirectoryService | null>(null);
  const [editing, setEditing] = useState<DirectoryService | "new" | null>(null);
  const [importing, setImporting] = useState(false);
  const set = <K extends keyof ServiceFilters>(k: K, v: ServiceFilters[K]) =>
    setFilters((f) => ({ ...f, [k]: v }));
  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        {regions.length > 1 ? (
          <Select
            label={t("directory.region")}
            allowDeselect={false}
            data={regions.map((r) => ({ value: String(r.id), label: r.name }))}
            value={String(region.id)}
            onChange={(v) => v && setRegionId(Number(v))}
          />
        ) : (
          <Text fw={600}>{region.name}</Text>
        )}
        <Group>
          {region.canWrite && (
            <Button leftSection={<IconPlus size={16} aria-hidden="true" />} onClick={() => setEditing("new")}>
              {t("directory.add")}
            </Button>
          )}
          {region.canWrite && (
            <Button
              variant="default"
              leftSection={<IconUpload size={16} aria-hidden="true" />}
              onClick={() => setImporting(true)}
            >
              {t("directory.import")}
            </Button>
          )}
          <Button
            component="a"
            variant="default"
            href={`/api/directory/regions/${region.id}/export`}
            download={`services-${region.code}.csv`}
            leftSection={<IconDownload size={16} aria-hidden="true" />}
          >
            {t("directory.export")}
          </Button>
        </Group>
      </Group>
      <PublicSwitch region={region} />
      <Group align="flex-end" wrap="wrap">
        <TextInput
          label={t("directory.search")}
          placeholder={t("directory.searchPlaceholder")}
          value={filters.q}
          onChange={(e) => set("q", e.currentTarget.value)}
          type="search"
        />
        <Select
          label={t("directory.sector")}
          placeholder={t("directory.anySector")}
          clearable
          data={DIRECTORY_SECTORS.map((s) => ({ value: s, label: t(`directory.sectors.${s}`) }))}
          value={filters.sector}
          onChange={(v) => set("sector", v)}
        />
        <Select
          label={t("directory.area")}
          placeholder={t("directory.anyArea")}
          clearable
          data={(areas.data ?? []).map((a) => ({ value: String(a.id), label: a.name }))}
          value={filters.areaId}
          onChange={(v) => set("areaId", v)}
        />
        <TextInput
          label={t("directory.language")}
          placeholder={t("directory.languagePlaceholder")}
          value={filters.language}
          onChange={(e) => set("language", e.currentTarget.value.toLowerCase())}
          w={120}
        />
        <Checkbox
          mb={8}
          label={t("directory.showInactive")}
          checked={filters.includeInactive}
          onChange={(e) => set("includeInactive", e.currentTarget.checked)}
        />
      </Group>
      <QueryView query={services}>
        {(list) => (
          <DataTable
            caption={t("directory.caption")}
            empty={t("directory.empty")}
            rowCount={list.length}
            minWidth={720}
            head={[
              t("directory.fields.name"),
              t("directory.fields.sector"),
              t("directory.fields.areaIds"),
              t("directory.fields.referralRoute"),
              t("directory.fields.languages"),
            ]}
          >
            {list.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td>
                  <Anchor
                    component="button"
                    type="button"
                    onClick={() => setOpen(s)}
                    aria-label={t("directory.open", { name: s.name })}
                  >
                    {s.name}
                  </Anchor>{" "}
                  {!s.active && (
                    <Badge size="sm" color="gray">
                      {t("directory.inactive")}
                    </Badge>
                  )}
                  <Text size="xs" c="dimmed">
                    {s.code}
                  </Text>
                </Table.Td>
                <Table.Td>{t(`directory.sectors.${s.sector}`)}</Table.Td>
                <Table.Td>{s.areas.map((a) => a.name).join(", ")}</Table.Td>
                <Table.Td>{t(`directory.referralRoutes.${s.referralRoute}`)}</Table.Td>
                <Table.Td>{s.languages.join(", ")}</Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
        )}
      </QueryView>
      <ServiceDrawer
        service={open}
        canWrite={region.canWrite}
        onClose={() => setOpen(null)}
        onEdit={(s) => {
          setOpen(null);
          setEditing(s);
        }}
      />
      {editing && (
        <ServiceForm
          regionId={region.id}
          service={editing === "new" ? null : editing}
          onClose={() => setEditing(null)}
        />
      )}
      {importing && <ImportModal regionId={region.id} onClose={() => setImporting(false)} />}
    </Stack>
  );
}

/** The region's public page: its address, and the switch for administrators. */
function PublicSwitch({ region }: { region: DirectoryRegion }) {
  const { t } = useTranslation();
  const toggle = useSwitchPublic();
  const describe = useDescribeError();
  const url = `/public/directory/${region.code}`;
  return (
    <Paper withBorder p="sm">
      <Group justify="space-between">
        <Stack gap={2}>
          <Text fw={600} size="sm">
            {t("directory.publicPage")}
          </Text>
          <Text size="sm" c="dimmed">
            {region.publicEnabled ? t("directory.publicHint") : t("directory.publicOff")}
          </Text>
          {region.publicEnabled && (
            <Anchor component={Link} to={url} size="sm">
              {t("directory.openPublic")}: {url}
            </Anchor>
          )}
        </Stack>
        {region.canSwitchPublic && (
          <Switch
            label={t("directory.publicOn")}
            checked={region.publicEnabled}
            disabled={toggle.isPending}
            onChange={(e) =>
              toggle.mutate(
                { regionId: region.id, publicEnabled: e.currentTarget.checked },
                { onError: (err) => notifications.show({ color: "red", message: describe(err) }) },
              )
            }
          />
        )}
      </Group>
    </Paper>
  );
}
