import { Alert, Button, Group, Text } from "@mantine/core";
import { IconRefresh } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";

/**
 * Someone saved a newer version while this user was editing (the server's 409 `stale_version`):
 * the server's message, what happens to the user's edits (`detail`, when a form says so), and a
 * button that loads the latest version. One alert for every versioned form.
 */
export function StaleAlert({
  message,
  onReload,
  detail,
  reloadLabel,
}: {
  message: string | null | undefined;
  onReload: () => void;
  detail?: string;
  reloadLabel?: string;
}) {
  const { t } = useTranslation();
  return (
    <Alert
      color="orange"
      variant="light"
      title={t("common.staleTitle")}
      role="alert"
      styles={{ title: { color: "var(--mantine-color-text)" } }}
    >
      <Text size="sm" mb={detail ? undefined : "sm"}>
        {message}
      </Text>
      {detail && (
        <Text size="sm" mb="sm">
          {detail}
        </Text>
      )}
      <Group>
        <Button
          size="xs"
          variant="light"
          color="orange"
          leftSection={<IconRefresh size={14} aria-hidden="true" />}
          onClick={onReload}
        >
          {reloadLabel ?? t("common.reloadLatest")}
        </Button>
      </Group>
    </Alert>
  );
}
