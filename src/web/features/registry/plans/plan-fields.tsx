import { Stack, Switch } from "@mantine/core";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import type { PlanState } from "../../../app/data/registry-types.ts";
import { ModalDateField } from "../../../app/ui/modal-date-field.tsx";

export type PlanValues = PlanState;

export const PLAN_FIELDS = new Set([
  "createdDate",
  "sharedWithPatientDate",
  "signedByPatient",
  "sharedWithSocialServices",
  "sharedWithWorkInclusion",
  "integratedActionsStarted",
]);

/** The label of each plan field, as the form shows it, for the messages beside them. */
export function planLabels(t: TFunction): Record<string, string> {
  return {
    createdDate: t("registry.plan.createdDate"),
    sharedWithPatientDate: t("registry.plan.sharedWithPatientDate"),
    ...Object.fromEntries(FLAGS.map(([key, label]) => [key, t(`registry.plan.${label}`)])),
  };
}

const FLAGS = [
  ["signedByPatient", "signed"],
  ["sharedWithSocialServices", "socialServices"],
  ["sharedWithWorkInclusion", "workInclusion"],
  ["integratedActionsStarted", "integratedActions"],
] as const;

/** The fields of an individual treatment plan: its dates and what was done with it. */
export function PlanFields({
  values,
  onChange,
  error,
}: {
  values: PlanValues;
  onChange: (values: PlanValues) => void;
  error: (path: string) => string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <Stack>
      <ModalDateField
        label={t("registry.plan.createdDate")}
        required
        clearable={false}
        value={values.createdDate}
        onChange={(v) => onChange({ ...values, createdDate: v ?? "" })}
        error={error("createdDate")}
      />
      <ModalDateField
        label={t("registry.plan.sharedWithPatientDate")}
        description={t("registry.plan.sharedWithPatientDateHint")}
        value={values.sharedWithPatientDate}
        onChange={(v) => onChange({ ...values, sharedWithPatientDate: v })}
        error={error("sharedWithPatientDate")}
      />
      {FLAGS.map(([key, label]) => (
        <Switch
          key={key}
          label={t(`registry.plan.${label}`)}
          checked={values[key]}
          onChange={(e) => onChange({ ...values, [key]: e.currentTarget.checked })}
          error={error(key)}
        />
      ))}
    </Stack>
  );
}
