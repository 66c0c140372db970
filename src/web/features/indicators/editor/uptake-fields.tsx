import { NumberInput, Paper, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { type SectionProps, toNumber } from "./fields.ts";

/** Uptake of the practice (source `offers`): only the window is chosen. */
export function UptakeFields({ form, set, error }: SectionProps) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" component="fieldset" m={0}>
      <Title order={2} size="h5" component="legend" px={4}>
        {t("dashboard.editor.uptake")}
      </Title>
      <Text size="sm" mb="sm">
        {t("dashboard.editor.uptakeHint")}
      </Text>
      <NumberInput
        label={t("dashboard.editor.windowDays")}
        description={t("dashboard.editor.windowDaysHint")}
        min={1}
        max={3660}
        allowDecimal={false}
        maw={320}
        value={form.windowDays}
        onChange={(v) => set("windowDays", toNumber(v))}
        error={error("windowDays")}
      />
    </Paper>
  );
}
