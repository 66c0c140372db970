import { Button, Group, Paper, Text } from "@mantine/core";
import { IconRoute } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { planningUrl } from "./scope.ts";

/** On a programme's page: the way into its implementation plan. */
export function PlanningLink({ programmeId }: { programmeId: number }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" gap="sm">
        <div>
          <Text fw={600}>{t("planning.title")}</Text>
          <Text size="sm" c="dimmed">
            {t("planning.openHint")}
          </Text>
        </div>
        <Button
          component={Link}
          to={planningUrl(programmeId)}
          leftSection={<IconRoute size={16} aria-hidden="true" />}
        >
          {t("planning.open")}
        </Button>
      </Group>
    </Paper>
  );
}
