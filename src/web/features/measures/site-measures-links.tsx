import { Button, Group, Paper, Text, Title } from "@mantine/core";
import { IconSchool, IconShieldCheck } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useCurrentUser } from "../../app/session.ts";

/** On a site's page: its fidelity reviews and its workforce (training, supervision), for its staff. */
export function SiteMeasuresLinks({ siteId }: { siteId: number }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  if (!me.sites.find((s) => s.id === siteId)?.canReadData) return null;
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" align="center" gap="sm">
        <div>
          <Title order={2} size="h4">
            {t("measures.links.siteTitle")}
          </Title>
          <Text size="sm" c="dimmed">
            {t("measures.links.siteHint")}
          </Text>
        </div>
        <Group gap="xs">
          <Button
            component={Link}
            to={`/sites/${siteId}/fidelity`}
            variant="default"
            leftSection={<IconShieldCheck size={16} aria-hidden="true" />}
          >
            {t("measures.fidelity.reviews")}
          </Button>
          <Button
            component={Link}
            to={`/sites/${siteId}/workforce`}
            variant="default"
            leftSection={<IconSchool size={16} aria-hidden="true" />}
          >
            {t("measures.workforce.siteNav")}
          </Button>
        </Group>
      </Group>
    </Paper>
  );
}
