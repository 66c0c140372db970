import { Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { IconDownload } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { useCurrentUser } from "../../app/session.ts";

/** A zip of each programme the user coordinates, in the exchange format (a plain download). */
export function ExportSection() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const programmes = me.programmes.filter((p) => p.canEdit);
  if (programmes.length === 0) return null;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="export-title">
      <Stack>
        <div>
          <Title order={2} size="h4" id="export-title">
            {t("imports.exportTitle")}
          </Title>
          <Text size="sm" c="dimmed">
            {t("imports.exportHint")}
          </Text>
        </div>
        <Group gap="sm">
          {programmes.map((p) => (
            <Button
              key={p.id}
              component="a"
              href={`/api/programmes/${p.id}/export`}
              download={`${p.code}-export.zip`}
              variant="light"
              leftSection={<IconDownload size={16} aria-hidden="true" />}
              aria-label={t("imports.exportNamed", { code: p.code, name: p.name })}
            >
              {t("imports.export", { code: p.code })}
            </Button>
          ))}
        </Group>
      </Stack>
    </Paper>
  );
}
