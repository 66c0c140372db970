import { NumberInput, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { EditorFieldset } from "./editor-fieldset.tsx";
import { type SectionProps, toNumber } from "./fields.ts";

/** Uptake of the practice (source `offers`): only the window is chosen. */
export function UptakeFields({ form, set, error }: SectionProps) {
  const { t } = useTranslation();
  return (
    <EditorFieldset legend={t("dashboard.editor.uptake")}>
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
    </EditorFieldset>
  );
}
