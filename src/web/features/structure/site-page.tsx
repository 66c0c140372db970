import { Anchor, Badge, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { useAreas, useSite } from "../../app/data/structure.ts";
import { HubSlot } from "../../app/hub.tsx";
import { Page, QueryView } from "../../app/page.tsx";
import { useCurrentUser } from "../../app/session.ts";
import { DataTable, EditButton } from "../../app/table.tsx";
import type { Service, SiteDetail } from "../../app/types.ts";
import { AddButton } from "../../app/ui/list-buttons.tsx";
import { TitledPanel } from "../../app/ui/titled-panel.tsx";
import { ServiceModal } from "./service-modal.tsx";

/** One site: its services, the programmes it takes part in, and its implementation team. */
export function SitePage() {
  const { id } = useParams();
  const siteId = Number(id);
  const site = useSite(siteId);
  return <QueryView query={site}>{(s) => <SiteView site={s} />}</QueryView>;
}

function SiteView({ site }: { site: SiteDetail }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const areas = useAreas(site.regionId);
  // Viewers see aggregates only: the team registry is for the site's own staff and coordinators.
  const viewerOnly = me.grants.every((g) => g.role === "viewer");
  const mine = viewerOnly ? undefined : me.sites.find((s) => s.id === site.id);
  const area = areas.data?.find((a) => a.id === site.areaId);
  const [editing, setEditing] = useState<Service | null | undefined>();
  const hub = { siteId: site.id, siteCode: site.code, mine: mine && { canManage: mine.canManage } };

  return (
    <Page
      title={`${site.code} — ${site.name}`}
      subtitle={area ? `${t("structure.area")}: ${area.name}` : undefined}
      crumbs={
        me.isAdmin
          ? [{ label: t("structure.title"), to: "/admin/structure" }, { label: site.code }]
          : undefined
      }
    >
      <HubSlot hub="site" slot="links" props={hub} />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Paper withBorder p="md">
          <Group justify="space-between" mb="sm">
            <Title order={2} size="h4">
              {t("structure.services")}
            </Title>
            {me.isAdmin && (
              <AddButton onClick={() => setEditing(null)}>{t("structure.newService")}</AddButton>
            )}
          </Group>
          <DataTable
            caption={t("structure.services")}
            minWidth={0}
            head={[
              t("common.code"),
              t("common.name"),
              t("structure.kind"),
              ...(me.isAdmin ? [t("common.actions")] : []),
            ]}
            rowCount={site.services.length}
            empty={t("structure.noServices")}
          >
            {site.services.map((svc) => (
              <Table.Tr key={svc.id}>
                <Table.Td>{svc.code}</Table.Td>
                <Table.Td>{svc.name}</Table.Td>
                <Table.Td>{t(`serviceKinds.${svc.kind}`)}</Table.Td>
                {me.isAdmin && (
                  <Table.Td>
                    <EditButton name={svc.name} onClick={() => setEditing(svc)} />
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </DataTable>
        </Paper>
        <TitledPanel title={t("nav.programmes")}>
          {site.programmes.length === 0 ? (
            <Text c="dimmed" size="sm">
              {t("structure.noProgrammes")}
            </Text>
          ) : (
            <Stack gap="xs" component="ul" style={{ listStyle: "none", padding: 0, margin: 0 }}>
              {site.programmes.map((p) => (
                <li key={p.id}>
                  <Group gap="xs" wrap="nowrap">
                    <Badge variant="light" style={{ flexShrink: 0 }}>
                      {p.code}
                    </Badge>
                    <Anchor component={Link} to={`/programmes/${p.id}`}>
                      {p.name}
                    </Anchor>
                  </Group>
                </li>
              ))}
            </Stack>
          )}
        </TitledPanel>
      </SimpleGrid>
      <HubSlot hub="site" slot="team" props={hub} />
      {editing !== undefined && (
        <ServiceModal service={editing} siteId={site.id} onClose={() => setEditing(undefined)} />
      )}
    </Page>
  );
}
