import { Select, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { NumberField } from "../../../app/ui/number-field.tsx";
import type { SanaIndicatorType } from "../types.ts";

type Value = number | string | boolean | null;

/** The value of one SANA indicator, as its type asks: a number, a percentage, yes/no or a text. */
export function SanaValueInput({
  type,
  label,
  value,
  error,
  readOnly,
  onChange,
}: {
  type: SanaIndicatorType;
  label: string;
  value: Value;
  error: string | undefined;
  readOnly: boolean;
  onChange: (v: Value) => void;
}) {
  const { t } = useTranslation();
  if (type === "yes_no")
    return (
      <Select
        aria-label={label}
        data={[
          { value: "true", label: t("common.yes") },
          { value: "false", label: t("common.no") },
        ]}
        value={value === null ? null : String(value)}
        clearable
        readOnly={readOnly}
        error={error}
        onChange={(v) => onChange(v === null ? null : v === "true")}
      />
    );
  if (type === "text")
    return (
      <TextInput
        aria-label={label}
        value={typeof value === "string" ? value : ""}
        readOnly={readOnly}
        error={error}
        onChange={(e) => onChange(e.currentTarget.value || null)}
      />
    );
  return (
    <NumberField
      aria-label={label}
      value={typeof value === "number" || typeof value === "string" ? value : ""}
      min={type === "percentage" ? 0 : undefined}
      max={type === "percentage" ? 100 : undefined}
      suffix={type === "percentage" ? " %" : undefined}
      readOnly={readOnly}
      error={error}
      // Letters are kept (and sent, for the server to refuse beside the field), never saved as empty
      onChange={(v) => onChange(v === "" ? null : v)}
    />
  );
}
