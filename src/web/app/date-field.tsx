import { DateInput, type DateInputProps } from "@mantine/dates";
import { useTranslation } from "react-i18next";

/**
 * A civil date (`YYYY-MM-DD`, the placeholder says it in the reader's language) typed or picked; empty is null. The clear button is named for
 * screen readers.
 */
export function DateField({
  label,
  value,
  onChange,
  ...rest
}: Omit<DateInputProps, "value" | "onChange" | "label"> & {
  label: string;
  value: string | null;
  onChange: (value: string | null) => void;
}) {
  const { t } = useTranslation();
  return (
    <DateInput
      label={label}
      valueFormat="YYYY-MM-DD"
      placeholder={t("common.datePlaceholder")}
      clearable
      clearButtonProps={{ "aria-label": t("common.clearNamed", { name: label }) }}
      value={value}
      onChange={onChange}
      {...rest}
    />
  );
}
