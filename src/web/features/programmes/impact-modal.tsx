import { Alert, Button, Group, Stack, Text } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import type { ParameterImpact } from "../../app/types.ts";
import { AppModal } from "../../app/ui/app-modal.tsx";
import { changeKey } from "./impact-changes.ts";

/**
 * Before a save that recomputes the programme's indicator facts: how many enrolments, because
 * of which changes — saved only on an explicit confirmation.
 */
export function ImpactModal({
  impact,
  saving,
  onCancel,
  onConfirm,
}: {
  impact: ParameterImpact | null;
  saving: boolean;
  onCancel: () => void;
  onConfirm: () => void;
}) {
  const { t, i18n } = useTranslation();
  const changes = (impact?.changes ?? [])
    .map((name) => {
      const key = changeKey(name);
      return key ? t(key) : name;
    })
    .join(", ");
  return (
    <AppModal opened={impact !== null} onClose={onCancel} title={t("programmes.impact.title")}>
      {impact && (
        <Stack>
          <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden="true" />}>
            {t("programmes.impact.text", {
              count: impact.enrolments,
              n: new Intl.NumberFormat(i18n.language).format(impact.enrolments),
              changes,
            })}
          </Alert>
          <Text size="sm">{t("programmes.impact.explain")}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={onCancel} disabled={saving}>
              {t("common.cancel")}
            </Button>
            <Button onClick={onConfirm} loading={saving}>
              {t("programmes.impact.confirm")}
            </Button>
          </Group>
        </Stack>
      )}
    </AppModal>
  );
}
