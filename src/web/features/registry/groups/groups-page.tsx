import { Anchor, Button, Paper, Table, Text } from "@mantine/core";
import { IconPlus } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { useGroups } from "../../../app/data/registry.ts";
import { useSite } from "../../../app/data/structure.ts";
import { Page, QueryView } from "../../../app/page.tsx";
import { DataTable } from "../../../app/table.tsx";
import type { SiteDetail } from "../../../app/types.ts";
import { useFormatDate } from "../dates.ts";
import { SiteRegistryNav } from "../site-registry-nav.tsx";
import { GroupCreateModal } from "./group-create-modal.tsx";

/** A site's groups (DBT skills, Family Connections, IMR, psychoeducation): members, sessions, a new one. */
export function GroupsPage() {
  const siteId = Number(useParams().id);
  const site = useSite(siteId);
  return <QueryView query={site}>{(s) => <GroupsView site={s} />}</QueryView>;
}

function GroupsView({ site }: { site: SiteDetail }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const groups = useGroups(site.id);
  const date = useFormatDate();
  const [creating, setCreating] = useState(false);
  return (
    <Page
      title={t("registry.groups.title", { site: site.code })}
      subtitle={site.name}
      crumbs={[{ label: site.code, to: `/sites/${site.id}` }, { label: t("registry.nav.groups") }]}
      actions={
        <Button leftSection={<IconPlus size={16} aria-hidden="true" />} onClick={() => setCreating(true)}>
          {t("registry.groups.new")}
        </Button>
      }
    >
      <SiteRegistryNav siteId={site.id} />
      <Paper withBorder p="md">
        <QueryView query={groups}>
          {(list) => (
            <DataTable
              caption={t("registry.groups.caption", { site: site.code })}
              minWidth={760}
              head={[
                t("registry.groups.name"),
                t("registry.groups.kind"),
                t("registry.groups.dates"),
                t("registry.groups.members"),
                t("registry.groups.sessions"),
              ]}
              rowCount={list.length}
              empty={t("registry.groups.none")}
            >
              {[...list]
                .sort((a, b) => b.startDate.localeCompare(a.startDate) || a.name.localeCompare(b.name))
                .map((g) => (
                  <Table.Tr key={g.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/groups/${g.id}`} fw={600}>
                        {g.name}
                      </Anchor>
                      <Text size="xs" c="dimmed" ff="monospace">
                        {g.code}
                      </Text>
                    </Table.Td>
                    <Table.Td>{t(`registry.groupKinds.${g.kind}`)}</Table.Td>
                    <Table.Td>
                      {date(g.startDate)} – {g.endDate ? date(g.endDate) : t("registry.groups.ongoing")}
                    </Table.Td>
                    <Table.Td>
                      {g.maxSize === null ? g.memberCount : `${g.memberCount} / ${g.maxSize}`}
                    </Table.Td>
                    <Table.Td>{g.sessionCount}</Table.Td>
                  </Table.Tr>
                ))}
            </DataTable>
          )}
        </QueryView>
      </Paper>
      {creating && (
        <GroupCreateModal
          site={site}
          onClose={() => setCreating(false)}
          onCreated={(g) => navigate(`/groups/${g.id}`)}
        />
      )}
    </Page>
  );
}
