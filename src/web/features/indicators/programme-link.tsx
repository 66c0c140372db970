import { Button, Group } from "@mantine/core";
import { IconChartBar, IconChartLine, IconTable } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { SectionCard } from "../../app/ui/section-card.tsx";

/** On a programme's page: the way into its monitoring dashboard. */
export function DashboardLink({ programmeId }: { programmeId: number }) {
  const { t } = useTranslation();
  const base = `/programmes/${programmeId}/dashboard`;
  return (
    <SectionCard title={t("dashboard.title")} hint={t("dashboard.openHint")}>
      <Group gap="xs">
        <Button component={Link} to={base} leftSection={<IconChartBar size={16} aria-hidden="true" />}>
          {t("dashboard.open")}
        </Button>
        <Button
          component={Link}
          to={`${base}/trends`}
          variant="default"
          leftSection={<IconChartLine size={16} aria-hidden="true" />}
        >
          {t("dashboard.tabs.trends")}
        </Button>
        <Button
          component={Link}
          to={`${base}/table`}
          variant="default"
          leftSection={<IconTable size={16} aria-hidden="true" />}
        >
          {t("dashboard.tabs.table")}
        </Button>
      </Group>
    </SectionCard>
  );
}
