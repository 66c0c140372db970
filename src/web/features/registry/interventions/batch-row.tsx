import { SegmentedControl, Select, Stack, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Recipient, Setting } from "../../../app/data/registry-types.ts";
import { RemoveIcon } from "../../../app/ui/list-buttons.tsx";
import { PatientPicker, type PickedPatient } from "../patients/patient-picker.tsx";
import { DurationField } from "./intervention-fields.tsx";
import type { ModuleOptions } from "./intervention-options.ts";

export interface BatchRowValues {
  key: number;
  patient: PickedPatient | null;
  type: string | null;
  setting: Setting;
  recipient: Recipient;
  duration: number | string;
  module: string | null;
}

/** Fields of a row shown in its own cell; the row's other problems show under the row. */
export const ROW_FIELDS = ["patientId", "type", "setting", "recipient", "durationMin", "module"] as const;

/** One row of the day form: patient, type, setting, recipient, duration, module, with its errors. */
export function BatchRow({
  index,
  row,
  siteId,
  typeOptions,
  moduleOptions,
  settings,
  recipients,
  error,
  rowErrors,
  onChange,
  onRemove,
  canRemove,
}: {
  index: number;
  row: BatchRowValues;
  siteId: number;
  typeOptions: Array<{ value: string; label: string }>;
  moduleOptions: ModuleOptions;
  settings: Array<{ value: Setting; label: string }>;
  recipients: Array<{ value: Recipient; label: string }>;
  error: (field: string) => string | undefined;
  rowErrors: string[];
  onChange: (patch: Partial<BatchRowValues>) => void;
  onRemove: () => void;
  canRemove: boolean;
}) {
  const { t } = useTranslation();
  const n = index + 1;
  const label = (what: string) => t("registry.batch.cellLabel", { what, n });
  return (
    <>
      <Table.Tr data-row={n}>
        <Table.Td>
          <Text size="sm" c="dimmed">
            {n}
          </Text>
        </Table.Td>
        <Table.Td miw={200}>
          <PatientPicker
            siteId={siteId}
            hideLabel
            label={label(t("registry.batch.patient"))}
            value={row.patient}
            onChange={(patient) => onChange({ patient })}
            error={error("patientId")}
          />
        </Table.Td>
        <Table.Td miw={190}>
          <Select
            aria-label={label(t("registry.intervention.type"))}
            searchable
            placeholder={t("common.choose")}
            data={typeOptions}
            value={row.type}
            onChange={(type) => onChange({ type })}
            error={error("type")}
          />
        </Table.Td>
        <Table.Td>
          <Stack gap={2}>
            <SegmentedControl
              aria-label={label(t("registry.intervention.setting"))}
              size="xs"
              value={row.setting}
              onChange={(v) => onChange({ setting: v as Setting })}
              data={settings}
            />
            {error("setting") && (
              <Text size="xs" c="red.9">
                {error("setting")}
              </Text>
            )}
          </Stack>
        </Table.Td>
        <Table.Td miw={150}>
          <Select
            aria-label={label(t("registry.intervention.recipient"))}
            data={recipients}
            allowDeselect={false}
            value={row.recipient}
            onChange={(v) => v && onChange({ recipient: v as Recipient })}
            error={error("recipient")}
          />
        </Table.Td>
        <Table.Td w={110}>
          <DurationField
            aria-label={label(t("registry.intervention.duration"))}
            value={row.duration}
            onChange={(duration) => onChange({ duration })}
            error={error("durationMin")}
          />
        </Table.Td>
        <Table.Td miw={150}>
          <Select
            aria-label={label(t("registry.intervention.module"))}
            placeholder="—"
            searchable
            clearable
            data={moduleOptions}
            value={row.module}
            onChange={(module) => onChange({ module })}
            error={error("module")}
            clearButtonProps={{
              "aria-label": t("common.clearNamed", { name: label(t("registry.intervention.module")) }),
            }}
          />
        </Table.Td>
        <Table.Td>
          <RemoveIcon
            color="red.9"
            disabled={!canRemove}
            onClick={onRemove}
            label={t("registry.batch.removeRow", { n })}
          />
        </Table.Td>
      </Table.Tr>
      {rowErrors.length > 0 && (
        <Table.Tr>
          <Table.Td />
          <Table.Td colSpan={7}>
            <Text size="xs" c="red.9" role="alert">
              {rowErrors.join("; ")}
            </Text>
          </Table.Td>
        </Table.Tr>
      )}
    </>
  );
}
