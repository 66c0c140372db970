import { Anchor, Badge, Button, Group, Paper, Table, Text } from "@mantine/core";
import { IconPlus } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useProgrammes } from "../../app/data/programmes.ts";
import { Page, QueryView } from "../../app/page.tsx";
import { useCurrentUser } from "../../app/session.ts";
import { DataTable } from "../../app/table.tsx";
import { PhaseBadge } from "../../app/ui/phase-badge.tsx";

/** Every programme the user may see, with its practice, phase and number of sites. */
export function ProgrammesPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const programmes = useProgrammes();
  return (
    <Page
      title={t("nav.programmes")}
      subtitle={t("programmes.subtitle")}
      actions={
        // administrators, and regional coordinators in their region (the server decides)
        me.programmeRegions.length > 0 && (
          <Button
            component={Link}
            to="/programmes/new"
            leftSection={<IconPlus size={16} aria-hidden="true" />}
          >
            {t("programmes.new")}
          </Button>
        )
      }
    >
      <Paper withBorder p="md">
        <QueryView query={programmes}>
          {(list) => (
            <DataTable
              caption={t("nav.programmes")}
              head={[
                t("common.code"),
                t("common.name"),
                t("programmes.practice"),
                t("programmes.currentPhase"),
                t("programmes.siteCount"),
              ]}
              rowCount={list.length}
              empty={t("programmes.none")}
            >
              {list.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/programmes/${p.id}`} fw={600}>
                      {p.code}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{p.name}</Table.Td>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      <Badge variant="outline" color="gray.7">
                        {p.practice.code}
                      </Badge>
                      <Text size="xs" c="dimmed">
                        v{p.practice.version}
                      </Text>
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <PhaseBadge phase={p.currentPhase} />
                  </Table.Td>
                  <Table.Td>{p.siteCount}</Table.Td>
                </Table.Tr>
              ))}
            </DataTable>
          )}
        </QueryView>
      </Paper>
    </Page>
  );
}
