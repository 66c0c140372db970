import { Alert, Button, Group, Text } from "@mantine/core";
import { IconRefresh } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";

/**
 * Someone saved a newer version while this user was editing: their edits are still in the form;
 * they may load the latest version (dropping them) or keep them to copy across.
 */
export function StaleAlert({ message, onReload }: { message: string | null; onReload: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert
      color="orange"
      variant="light"
      title={t("common.staleTitle")}
      role="alert"
      styles={{ title: { color: "var(--mantine-color-text)" } }}
    >
      <Text size="sm">{message}</Text>
      <Text size="sm" mb="sm">
        {t("planning.staleKept")}
      </Text>
      <Group>
        <Button
          size="xs"
          variant="light"
          color="orange"
          leftSection={<IconRefresh size={14} aria-hidden="true" />}
          onClick={onReload}
        >
          {t("planning.reloadDiscarding")}
        </Button>
      </Group>
    </Alert>
  );
}
