import { Button, Group, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { AppModal } from "../../app/ui/app-modal.tsx";
import type { ProgrammeFacts } from "./types.ts";

/** Ask before a rebuild: it holds the programme's writers for as long as it runs. */
export function RebuildModal({
  programme,
  opened,
  onClose,
  onConfirm,
}: {
  programme: ProgrammeFacts;
  opened: boolean;
  onClose: () => void;
  onConfirm: () => void;
}) {
  const { t, i18n } = useTranslation();
  return (
    <AppModal opened={opened} onClose={onClose} title={t("facts.rebuild.title", { code: programme.code })}>
      <Stack>
        <Text size="sm">
          {t("facts.rebuild.text", {
            code: programme.code,
            count: programme.enrolments,
            n: new Intl.NumberFormat(i18n.language).format(programme.enrolments),
          })}
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button onClick={onConfirm}>{t("facts.rebuild.confirm")}</Button>
        </Group>
      </Stack>
    </AppModal>
  );
}
