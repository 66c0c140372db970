import { Anchor, Badge, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { DataTable } from "../../app/table.tsx";
import { useFormatDate } from "../registry/public.ts";
import type { Home } from "./api.ts";
import { HomeSection } from "./home-section.tsx";

/** Overdue activities of the action plans the user follows, each linked to its plan. */
export function OverdueSection({ overdue }: { overdue: Home["overdueActivities"] }) {
  const { t } = useTranslation();
  const date = useFormatDate();
  return (
    <HomeSection id="home-overdue" title={t("home.overdue.title")} hint={t("home.overdue.hint")}>
      <DataTable
        caption={t("home.overdue.title")}
        minWidth={640}
        head={[
          t("home.overdue.activity"),
          t("home.overdue.plan"),
          t("home.overdue.end"),
          t("home.overdue.status"),
        ]}
        rowCount={overdue.items.length}
        empty={t("home.overdue.none")}
      >
        {overdue.items.map((a) => (
          <Table.Tr key={`${a.programmeId}-${a.siteId ?? "region"}-${a.activityId}`}>
            <Table.Td>
              <Anchor
                component={Link}
                to={`/programmes/${a.programmeId}/planning/action-plan/${a.siteId ?? "region"}`}
              >
                {a.title}
              </Anchor>
            </Table.Td>
            <Table.Td>
              {a.programmeCode} · {a.siteCode ?? t("home.overdue.region")}
            </Table.Td>
            <Table.Td>{date(a.end)}</Table.Td>
            <Table.Td>
              <Badge variant="light" color="red" tt="none">
                {t(`planning.plan.status.${a.status}`)}
              </Badge>
            </Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
      {overdue.total > overdue.items.length && (
        <Text size="sm" c="dimmed">
          {t("home.more", { shown: overdue.items.length, total: overdue.total })}
        </Text>
      )}
    </HomeSection>
  );
}
