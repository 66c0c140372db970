import { Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { type ComputedFrom, ComputedFromBadge } from "../computed-from.tsx";

/**
 * In the editor: how the dashboard will compute the definition — live from the facts or
 * recomputed from the records — as the server said for the definition last previewed (or the
 * stored one). After a change of the menus that answer is no longer known: preview again.
 */
export function ComputationNote({ computedFrom }: { computedFrom: ComputedFrom | null }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="computation-title">
      <Stack gap={6} aria-live="polite">
        <Title id="computation-title" order={2} size="h5">
          {t("dashboard.computedFrom.editorTitle")}
        </Title>
        {computedFrom === null ? (
          <Text size="sm" c="dimmed" data-computed-from="unknown">
            {t("dashboard.computedFrom.unknown")}
          </Text>
        ) : (
          <Group gap="xs" wrap="nowrap" align="flex-start">
            <div style={{ flex: "none" }}>
              <ComputedFromBadge value={computedFrom} />
            </div>
            <Stack gap={2}>
              <Text size="sm">{t(`dashboard.computedFrom.${computedFrom}Hint`)}</Text>
              {computedFrom === "records" && (
                <Text size="sm" c="dimmed">
                  {t("dashboard.computedFrom.editorAdvice")}
                </Text>
              )}
            </Stack>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
