import { Button, Group, Loader } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { DateField } from "../../app/date-field.tsx";
import { useAsOf } from "./as-of.ts";

/** The reference date of every view; cleared, it is today again. */
export function AsOfPicker({ refreshing }: { refreshing: boolean }) {
  const { t } = useTranslation();
  const { asOf, isToday, setAsOf } = useAsOf();
  return (
    <Group gap="xs" align="flex-end" wrap="nowrap">
      <DateField
        label={t("dashboard.asOf")}
        description={t("dashboard.asOfHint")}
        value={asOf}
        onChange={setAsOf}
        clearable={!isToday}
        w={230}
        rightSection={refreshing ? <Loader size={14} aria-hidden="true" /> : undefined}
      />
      {!isToday && (
        <Button variant="default" onClick={() => setAsOf(null)}>
          {t("dashboard.today")}
        </Button>
      )}
    </Group>
  );
}
