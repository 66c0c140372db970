import { Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { QUADRANTS } from "../../../shared/pathways.ts";
import { QueryView } from "../../app/page.tsx";
import { useSiteQuadrants } from "./api.ts";

/** A site's open enrolments counted by their latest Four Quadrants pathway. */
export function SiteQuadrantsCard({ siteId }: { siteId: number }) {
  const { t } = useTranslation();
  const counts = useSiteQuadrants(siteId);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="site-quadrants-title">
      <Title order={2} size="h4" id="site-quadrants-title">
        {t("pathways.quadrant.siteTitle")}
      </Title>
      <Text size="xs" c="dimmed" mb="sm">
        {t("pathways.quadrant.siteHint")}
      </Text>
      <QueryView query={counts}>
        {(c) => (
          <Group gap="xl" component="dl" m={0}>
            {[...QUADRANTS.map((q) => [q, c.counts[q]] as const), ["none", c.notStratified] as const].map(
              ([key, n]) => (
                <Stack key={key} gap={0} data-quadrant-count={key}>
                  <Text component="dt" size="xs" c="dimmed">
                    {key === "none"
                      ? t("pathways.quadrant.notStratified")
                      : t(`pathways.quadrant.label.${key}`)}
                  </Text>
                  <Text component="dd" m={0} fw={700} size="xl">
                    {n}
                  </Text>
                </Stack>
              ),
            )}
          </Group>
        )}
      </QueryView>
    </Paper>
  );
}
