import { Group, Paper, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { canUseRegistryAt } from "../../app/data/registry-access.ts";
import { useCurrentUser } from "../../app/session.ts";
import { SiteRegistryNav } from "./site-registry-nav.tsx";

/** On a site's page: the way into its registry (patients, worklists, groups, day entry), for those who may use it. */
export function SiteRegistryLinks({ siteId }: { siteId: number }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  if (!canUseRegistryAt(me, siteId)) return null;
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" align="center" gap="sm">
        <div>
          <Title order={2} size="h4">
            {t("registry.nav.section")}
          </Title>
          <Text size="sm" c="dimmed">
            {t("registry.nav.sectionHint")}
          </Text>
        </div>
        <SiteRegistryNav siteId={siteId} />
      </Group>
    </Paper>
  );
}
