import { TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";

/** What every structure level is named by. */
export interface CodeName {
  code: string;
  name: string;
}

/** The code and name of a unit being edited, or empty for a new one. */
export const codeNameOf = (unit: CodeName | null): CodeName => ({
  code: unit?.code ?? "",
  name: unit?.name ?? "",
});

/**
 * The code and name every structure level has (region, area, site, service). The code is set
 * once, at creation: it is how extracts and other systems name the unit, so it never changes.
 */
export function CodeNameFields({
  value,
  onChange,
  existing,
  field,
}: {
  value: CodeName;
  onChange: (value: CodeName) => void;
  existing: boolean;
  field: (path: string) => string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <>
      <TextInput
        label={t("common.code")}
        required
        disabled={existing}
        value={value.code}
        onChange={(e) => onChange({ ...value, code: e.currentTarget.value })}
        error={field("code")}
        data-autofocus
      />
      <TextInput
        label={t("common.name")}
        required
        value={value.name}
        onChange={(e) => onChange({ ...value, name: e.currentTarget.value })}
        error={field("name")}
      />
    </>
  );
}
