import { Select, SimpleGrid, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useRuleMessage } from "../../../app/form-errors.ts";
import { ModalDateField } from "../../../app/ui/modal-date-field.tsx";
import { GrowingTextarea } from "../../../app/ui/note-field.tsx";
import { ItemModal, useItemValues } from "../item-modal.tsx";
import type { Objective, ObjectiveStatus } from "../types.ts";

export const OBJECTIVE_STATUSES: ObjectiveStatus[] = ["not_started", "in_progress", "achieved", "abandoned"];
export const OBJECTIVE_COLOR: Record<ObjectiveStatus, string> = {
  not_started: "gray",
  in_progress: "blue",
  achieved: "teal",
  abandoned: "dark",
};

export type ObjectiveValues = Omit<Objective, "id">;

/** Add or change one objective of the roadmap: what, on which conditions, by when, who, how far. */
export function ObjectiveModal({
  title,
  initial,
  onSubmit,
  onClose,
}: {
  title: string;
  initial: ObjectiveValues;
  onSubmit: (v: ObjectiveValues) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const ruleMessage = useRuleMessage();
  const { values: v, set, errors, setErrors } = useItemValues(initial);
  const [conditions, setConditions] = useState(initial.conditions.join("\n"));
  const submit = () => {
    const e: Record<string, string> = {};
    if (!v.objective.trim()) e.objective = ruleMessage("required", t("planning.fields.objective"));
    if (!v.timeframe.trim()) e.timeframe = ruleMessage("required", t("planning.fields.timeframe"));
    setErrors(e);
    if (Object.keys(e).length) return;
    onSubmit({
      ...v,
      objective: v.objective.trim(),
      timeframe: v.timeframe.trim(),
      conditions: conditions
        .split("\n")
        .map((c) => c.trim())
        .filter(Boolean),
    });
  };
  return (
    <ItemModal title={title} onSubmit={submit} onClose={onClose}>
      <GrowingTextarea
        label={t("planning.fields.objective")}
        required
        data-autofocus
        value={v.objective}
        error={errors.objective}
        onChange={(text) => set({ objective: text })}
      />
      <GrowingTextarea
        label={t("planning.fields.conditions")}
        description={t("planning.roadmap.conditionsHint")}
        value={conditions}
        onChange={setConditions}
      />
      <SimpleGrid cols={2}>
        <TextInput
          label={t("planning.fields.timeframe")}
          description={t("planning.roadmap.timeframeHint")}
          required
          value={v.timeframe}
          error={errors.timeframe}
          onChange={(e) => set({ timeframe: e.currentTarget.value })}
        />
        <ModalDateField
          label={t("planning.fields.targetDate")}
          value={v.targetDate}
          onChange={(d) => set({ targetDate: d })}
        />
        <TextInput
          label={t("planning.fields.responsible")}
          value={v.responsible}
          onChange={(e) => set({ responsible: e.currentTarget.value })}
        />
        <Select
          label={t("planning.fields.status")}
          data={OBJECTIVE_STATUSES.map((s) => ({ value: s, label: t(`planning.roadmap.status.${s}`) }))}
          value={v.status}
          allowDeselect={false}
          onChange={(s) => s && set({ status: s as ObjectiveStatus })}
        />
      </SimpleGrid>
      <GrowingTextarea
        label={t("planning.fields.note")}
        minRows={1}
        value={v.note}
        onChange={(text) => set({ note: text })}
      />
    </ItemModal>
  );
}
