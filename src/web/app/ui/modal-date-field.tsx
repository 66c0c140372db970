import type { TFunction } from "i18next";
import { type ComponentProps, useState } from "react";
import { useTranslation } from "react-i18next";
import { DateField } from "../date-field.tsx";

/**
 * A date field inside a modal: while its calendar is open, Escape closes the calendar only (a
 * second Escape closes the modal). Mantine's modal closes on any Escape unless the target says
 * `data-mantine-stop-propagation`, which this field does while the calendar is open. The
 * calendar's controls are named, and it shows no faint days of other months or red weekends
 * (neither has the contrast to be read).
 */
export function ModalDateField(props: ComponentProps<typeof DateField>) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <DateField
      ariaLabels={calendarAriaLabels(t)}
      hideOutsideDates
      weekendDays={[]}
      {...props}
      data-mantine-stop-propagation={open ? "true" : undefined}
      onFocus={(e) => {
        setOpen(true);
        props.onFocus?.(e);
      }}
      onClick={(e) => {
        setOpen(true);
        props.onClick?.(e);
      }}
      onBlur={(e) => {
        setOpen(false);
        props.onBlur?.(e);
      }}
      onKeyDown={(e) => {
        if (e.key === "Escape") setOpen(false);
        else if (e.key !== "Enter" && e.key !== "Tab") setOpen(true);
        props.onKeyDown?.(e);
      }}
    />
  );
}

/** The calendar's control names in the user's language, for every date picker. */
export function calendarAriaLabels(t: TFunction) {
  return {
    previousMonth: t("registry.calendar.previousMonth"),
    nextMonth: t("registry.calendar.nextMonth"),
    previousYear: t("registry.calendar.previousYear"),
    nextYear: t("registry.calendar.nextYear"),
    previousDecade: t("registry.calendar.previousDecade"),
    nextDecade: t("registry.calendar.nextDecade"),
    monthLevelControl: t("registry.calendar.chooseMonth"),
    yearLevelControl: t("registry.calendar.chooseYear"),
  };
}
