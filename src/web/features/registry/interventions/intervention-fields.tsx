import { Select, type SelectProps } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { NumberField, type NumberFieldProps } from "../../../app/ui/number-field.tsx";

type NamedSelectProps = SelectProps & { label: string };

/** A searchable, clearable choice among many, whose clear button says what it clears. */
function NamedSearchSelect({ label, ...props }: NamedSelectProps) {
  const { t } = useTranslation();
  return (
    <Select
      label={label}
      searchable
      clearable
      nothingFoundMessage={t("common.nothingFound")}
      clearButtonProps={{ "aria-label": t("common.clearNamed", { name: label }) }}
      {...props}
    />
  );
}

/** The module an intervention worked on (none allowed), the modules grouped by practice. */
export function ModuleSelect(props: NamedSelectProps) {
  const { t } = useTranslation();
  return <NamedSearchSelect placeholder={t("registry.intervention.noModule")} {...props} />;
}

/** The professional who delivered (or facilitated) an intervention, none allowed. */
export function ProfessionalSelect(props: NamedSelectProps) {
  const { t } = useTranslation();
  return <NamedSearchSelect placeholder={t("registry.intervention.noProfessional")} {...props} />;
}

/** An intervention's duration: whole minutes, from 1 to 600. */
export function DurationField(props: NumberFieldProps) {
  return <NumberField min={1} max={600} allowDecimal={false} suffix=" min" {...props} />;
}
