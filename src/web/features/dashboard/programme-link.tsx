import { Button, Group, Paper, Text } from "@mantine/core";
import { IconChartBar, IconChartLine, IconTable } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

/** On a programme's page: the way into its monitoring dashboard. */
export function DashboardLink({ programmeId }: { programmeId: number }) {
  const { t } = useTranslation();
  const base = `/programmes/${programmeId}/dashboard`;
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" gap="sm">
        <div>
          <Text fw={600}>{t("dashboard.title")}</Text>
          <Text size="sm" c="dimmed">
            {t("dashboard.openHint")}
          </Text>
        </div>
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
      </Group>
    </Paper>
  );
}
