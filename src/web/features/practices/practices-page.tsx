import { Anchor, Button, Paper, Table } from "@mantine/core";
import { IconPlus } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { usePractices } from "../../app/data/practices.ts";
import { useFormatDateTime } from "../../app/format.ts";
import { Page, QueryView } from "../../app/page.tsx";
import { useCurrentUser } from "../../app/session.ts";
import { DataTable } from "../../app/table.tsx";

/** The practices that programmes implement, each at its current version. */
export function PracticesPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const practices = usePractices();
  const when = useFormatDateTime();
  return (
    <Page
      title={t("nav.practices")}
      subtitle={t("practices.subtitle")}
      actions={
        me.isAdmin && (
          <Button
            component={Link}
            to="/practices/new"
            leftSection={<IconPlus size={16} aria-hidden="true" />}
          >
            {t("practices.new")}
          </Button>
        )
      }
    >
      <Paper withBorder p="md">
        <QueryView query={practices}>
          {(list) => (
            <DataTable
              caption={t("nav.practices")}
              head={[t("common.code"), t("common.name"), t("practices.version"), t("practices.updatedAt")]}
              rowCount={list.length}
              empty={t("practices.none")}
            >
              {list.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/practices/${p.id}`} fw={600}>
                      {p.code}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{p.name}</Table.Td>
                  <Table.Td>v{p.version}</Table.Td>
                  <Table.Td>{when(p.updatedAt)}</Table.Td>
                </Table.Tr>
              ))}
            </DataTable>
          )}
        </QueryView>
      </Paper>
    </Page>
  );
}
