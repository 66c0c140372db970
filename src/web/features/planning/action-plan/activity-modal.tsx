import { Alert, Group, Select, SimpleGrid, TagsInput, TextInput } from "@mantine/core";
import type { ReactNode } from "react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useRuleMessage } from "../../../app/form-errors.ts";
import { ModalDateField } from "../../../app/ui/modal-date-field.tsx";
import { GrowingTextarea } from "../../../app/ui/note-field.tsx";
import { ItemModal, useItemValues } from "../item-modal.tsx";
import type { ActivityStatus } from "../types.ts";
import { type ActivityValues, STATUSES } from "./plan-model.ts";
import type { TocOutput } from "./toc-outputs.ts";

export interface SubAreaChoice {
  value: string;
  label: string;
}

/** Add or change one activity: who, when, for whom, its status and the ToC output it serves. */
export function ActivityModal({
  extra,
  title,
  initial,
  subAreas,
  subArea,
  outputs,
  onSubmit,
  onClose,
}: {
  title: string;
  initial: ActivityValues;
  /** Shown under the fields: the activity's links in the planning chain (issue 13, part 7). */
  extra?: ReactNode;
  /** When adding: where the activity goes (`area:sub`); null when changing one in place. */
  subAreas: SubAreaChoice[] | null;
  subArea: string | null;
  outputs: TocOutput[];
  onSubmit: (values: ActivityValues, subArea: string | null) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const ruleMessage = useRuleMessage();
  const { values: v, set, errors, setErrors } = useItemValues(initial);
  const [where, setWhere] = useState(subArea);

  const submit = () => {
    const e: Record<string, string> = {};
    if (!v.title.trim()) e.title = ruleMessage("required", t("planning.fields.title"));
    if (!v.start) e.start = ruleMessage("required", t("planning.fields.start"));
    if (!v.end) e.end = ruleMessage("required", t("planning.fields.end"));
    if (v.start && v.end && v.end < v.start)
      e.end = ruleMessage("end_before_start", t("planning.fields.end"));
    if (!v.responsibleActor.trim() && !v.responsibleProfessionalCode)
      e.responsibleActor = ruleMessage("required", t("planning.fields.responsibleActor"));
    if (subAreas && !where) e.subArea = ruleMessage("required", t("planning.plan.subArea"));
    setErrors(e);
    if (Object.keys(e).length === 0) onSubmit({ ...v, title: v.title.trim() }, where);
  };

  return (
    <ItemModal title={title} onSubmit={submit} onClose={onClose}>
      {subAreas && subAreas.length === 0 && (
        <Alert color="orange" variant="light" role="alert">
          {t("planning.plan.noSubAreas")}
        </Alert>
      )}
      {subAreas && (
        <Select
          label={t("planning.plan.subArea")}
          data={subAreas}
          value={where}
          onChange={setWhere}
          error={errors.subArea}
          required
          searchable
        />
      )}
      <TextInput
        label={t("planning.fields.title")}
        required
        data-autofocus
        value={v.title}
        error={errors.title}
        onChange={(e) => set({ title: e.currentTarget.value })}
      />
      <GrowingTextarea
        label={t("planning.fields.description")}
        value={v.description}
        onChange={(text) => set({ description: text })}
      />
      <SimpleGrid cols={2}>
        <TextInput
          label={t("planning.fields.responsibleActor")}
          required
          value={v.responsibleActor}
          error={errors.responsibleActor}
          onChange={(e) => set({ responsibleActor: e.currentTarget.value })}
        />
        <TextInput
          label={t("planning.plan.professionalCode")}
          description={t("planning.plan.professionalCodeHint")}
          value={v.responsibleProfessionalCode ?? ""}
          onChange={(e) => set({ responsibleProfessionalCode: e.currentTarget.value.trim() || null })}
        />
        <ModalDateField
          label={t("planning.fields.start")}
          required
          value={v.start || null}
          error={errors.start}
          onChange={(d) => set({ start: d ?? "" })}
        />
        <ModalDateField
          label={t("planning.fields.end")}
          required
          value={v.end || null}
          error={errors.end}
          onChange={(d) => set({ end: d ?? "" })}
        />
      </SimpleGrid>
      <TagsInput
        label={t("planning.fields.stakeholders")}
        description={t("planning.plan.stakeholdersHint")}
        value={v.stakeholders}
        onChange={(s) => set({ stakeholders: s })}
      />
      <SimpleGrid cols={2}>
        <TextInput
          label={t("planning.fields.targetPopulation")}
          value={v.targetPopulation}
          onChange={(e) => set({ targetPopulation: e.currentTarget.value })}
        />
        <TextInput
          label={t("planning.fields.finalBeneficiaries")}
          value={v.finalBeneficiaries}
          onChange={(e) => set({ finalBeneficiaries: e.currentTarget.value })}
        />
      </SimpleGrid>
      <Group grow align="flex-start">
        <Select
          label={t("planning.fields.status")}
          data={STATUSES.map((s) => ({ value: s, label: t(`planning.plan.status.${s}`) }))}
          value={v.status}
          allowDeselect={false}
          onChange={(s) => s && set({ status: s as ActivityStatus })}
        />
        <Select
          label={t("planning.fields.tocOutputNodeId")}
          data={outputs.map((o) => ({
            value: o.id,
            label: `${o.text} (${o.scope === "region" ? t("planning.region") : t("planning.plan.thisSite")})`,
          }))}
          value={v.tocOutputNodeId}
          clearable
          searchable
          placeholder={t("planning.plan.noOutput")}
          onChange={(id) => set({ tocOutputNodeId: id })}
        />
      </Group>
      {extra}
    </ItemModal>
  );
}
