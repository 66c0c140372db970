import { Button, Group, Paper, Text } from "@mantine/core";
import { IconMathFunction } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

/** On a programme's page: its statistical analysis (everyone who reads the programme may run one). */
export function AnalysisLink({ programmeId }: { programmeId: number }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" gap="sm">
        <div>
          <Text fw={600}>{t("analysis.nav")}</Text>
          <Text size="sm" c="dimmed">
            {t("analysis.linkHint")}
          </Text>
        </div>
        <Button
          component={Link}
          to={`/programmes/${programmeId}/analysis`}
          variant="default"
          leftSection={<IconMathFunction size={16} aria-hidden="true" />}
        >
          {t("analysis.open")}
        </Button>
      </Group>
    </Paper>
  );
}
