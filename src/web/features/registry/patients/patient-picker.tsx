import { Select } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { usePatients } from "../../../app/data/registry.ts";

export interface PickedPatient {
  id: number;
  code: string;
}

/**
 * Choose one of a site's patients by typing the start of their code: the server searches (a
 * prefix of the code), the list shows the first matches.
 */
export function PatientPicker({
  siteId,
  label,
  value,
  onChange,
  error,
  exclude,
  hideLabel,
  autoFocus,
  clearOnPick,
}: {
  siteId: number;
  label: string;
  value: PickedPatient | null;
  onChange: (value: PickedPatient | null) => void;
  error?: string;
  exclude?: Set<number>;
  hideLabel?: boolean;
  autoFocus?: boolean;
  /** For adding to a list: the field empties once a patient is picked. */
  clearOnPick?: boolean;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState(value?.code ?? "");
  const typed = search.trim();
  const [q] = useDebouncedValue(typed === value?.code ? "" : typed, 200);
  const patients = usePatients({ siteId, q: q || undefined, limit: 30 });
  const found = (patients.data?.items ?? []).filter((p) => !exclude?.has(p.id));
  const options = [
    ...(value && !found.some((p) => p.id === value.id) ? [value] : []),
    ...found.map((p) => ({ id: p.id, code: p.code })),
  ];
  return (
    <Select
      label={hideLabel ? undefined : label}
      aria-label={hideLabel ? label : undefined}
      placeholder={t("registry.picker.placeholder")}
      searchable
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: o }) => o}
      nothingFoundMessage={patients.isFetching ? t("common.loading") : t("common.nothingFound")}
      data={options.map((p) => ({ value: String(p.id), label: p.code }))}
      value={value ? String(value.id) : null}
      onChange={(v) => {
        const picked = options.find((p) => String(p.id) === v);
        onChange(picked ? { id: picked.id, code: picked.code } : null);
        if (clearOnPick) setSearch("");
      }}
      error={error}
      data-autofocus={autoFocus || undefined}
      clearButtonProps={{ "aria-label": t("common.clearNamed", { name: label }) }}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
