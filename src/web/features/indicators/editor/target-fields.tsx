import { NumberInput, Select, SimpleGrid } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { EditorFieldset } from "./editor-fieldset.tsx";
import { type SectionProps, toNumber } from "./fields.ts";
import type { EditorForm } from "./form-state.ts";

/** The value aimed at and which way is better. */
export function TargetFields({ form, set, error }: SectionProps) {
  const { t } = useTranslation();
  return (
    <EditorFieldset legend={t("dashboard.editor.goal")}>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NumberInput
          label={
            form.kind === "ratio" ? t("dashboard.editor.targetPercent") : t("dashboard.editor.targetValue")
          }
          description={form.kind === "count" ? t("dashboard.editor.targetHint") : undefined}
          min={0}
          max={form.kind === "ratio" ? 100 : undefined}
          decimalScale={form.kind === "count" ? 0 : 2}
          suffix={form.kind === "ratio" ? " %" : undefined}
          value={form.target}
          onChange={(v) => set("target", toNumber(v))}
          error={error("target")}
        />
        <Select
          label={t("dashboard.editor.directionLabel")}
          value={form.direction}
          onChange={(v) => set("direction", (v ?? "") as EditorForm["direction"])}
          data={[
            { value: "higher_is_better", label: t("dashboard.direction.higher_is_better") },
            { value: "lower_is_better", label: t("dashboard.direction.lower_is_better") },
            { value: "", label: t("dashboard.direction.none") },
          ]}
          allowDeselect={false}
          error={error("direction")}
        />
      </SimpleGrid>
    </EditorFieldset>
  );
}
