import { MultiSelect, type MultiSelectProps } from "@mantine/core";
import { useTranslation } from "react-i18next";

/**
 * A field of several choices: its hint shows while nothing is chosen, and its clear button is
 * named after the field ("Clear <label>").
 */
export function ChoicesField({
  label,
  placeholder,
  value,
  ...props
}: Omit<MultiSelectProps, "label" | "value" | "clearable" | "clearButtonProps"> & {
  label: string;
  value: string[];
}) {
  const { t } = useTranslation();
  return (
    <MultiSelect
      label={label}
      placeholder={value.length ? undefined : placeholder}
      value={value}
      clearable
      clearButtonProps={{ "aria-label": t("common.clearNamed", { name: label }) }}
      {...props}
    />
  );
}
