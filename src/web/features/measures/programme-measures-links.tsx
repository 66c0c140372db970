import { Button, Group, Paper, Text } from "@mantine/core";
import { IconChartRadar, IconFilter, IconTrendingUp } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

/** On a programme's page: its outcomes, the fidelity comparison of its sites and the training funnel. */
export function ProgrammeMeasuresLinks({ programmeId }: { programmeId: number }) {
  const { t } = useTranslation();
  const base = `/programmes/${programmeId}`;
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" gap="sm">
        <div>
          <Text fw={600}>{t("measures.links.programmeTitle")}</Text>
          <Text size="sm" c="dimmed">
            {t("measures.links.programmeHint")}
          </Text>
        </div>
        <Group gap="xs">
          <Button
            component={Link}
            to={`${base}/outcomes`}
            variant="default"
            leftSection={<IconTrendingUp size={16} aria-hidden="true" />}
          >
            {t("measures.programmeOutcomes.nav")}
          </Button>
          <Button
            component={Link}
            to={`${base}/fidelity`}
            variant="default"
            leftSection={<IconChartRadar size={16} aria-hidden="true" />}
          >
            {t("measures.fidelity.comparison")}
          </Button>
          <Button
            component={Link}
            to={`${base}/training`}
            variant="default"
            leftSection={<IconFilter size={16} aria-hidden="true" />}
          >
            {t("measures.funnel.nav")}
          </Button>
        </Group>
      </Group>
    </Paper>
  );
}
