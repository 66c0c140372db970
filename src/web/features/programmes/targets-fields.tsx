import { Button, NumberInput, Select, Stack, Table, Text } from "@mantine/core";
import { IconPlus } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { DataTable } from "../../app/table.tsx";
import type { Site } from "../../app/types.ts";
import { RemoveIcon } from "../../app/ui/list-buttons.tsx";
import { useIndicatorText } from "../indicators/public.ts";
import { type IndicatorChoice, newTargetKey, type TargetRow } from "./form-values.ts";

/**
 * The "Targets" section: a target on any indicator — value, direction, and where it applies
 * (the whole programme or one of the programme's sites). Percentages are typed as such (80 for
 * 80 %); the form sends fractions, as the API counts ratios.
 */
export function TargetsFields({
  indicators,
  sites,
  value,
  onChange,
  error,
}: {
  indicators: IndicatorChoice[];
  /** The programme's sites, as chosen above. */
  sites: Site[];
  value: TargetRow[];
  onChange: (v: TargetRow[]) => void;
  error: (path: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const { label } = useIndicatorText();
  const byId = new Map(indicators.map((i) => [i.id, i]));
  const name = (i: IndicatorChoice) => label({ id: i.id, label: i.label, builtIn: i.builtIn });
  const set = (key: string, change: Partial<TargetRow>) =>
    onChange(value.map((r) => (r.key === key ? { ...r, ...change } : r)));
  const add = () =>
    onChange([
      ...value,
      { key: newTargetKey(), indicatorId: null, siteId: "", value: "", direction: "higher_is_better" },
    ]);
  const chooseIndicator = (row: TargetRow, id: string | null) => {
    const chosen = id ? byId.get(id) : undefined;
    set(row.key, {
      indicatorId: id,
      direction: chosen?.direction ?? row.direction,
      // A site's enrolment target is set with the site.
      ...(id === "enrolled" ? { siteId: "" } : {}),
    });
  };
  const siteOptions = [
    { value: "", label: t("programmeTargets.wholeProgramme") },
    ...sites.map((s) => ({ value: String(s.id), label: `${s.code} — ${s.name}` })),
  ];
  const indicatorOptions = indicators.map((i) => ({ value: i.id, label: name(i) }));

  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t("programmeTargets.hint")}
      </Text>
      {error("targets") && (
        <Text size="sm" c="red.9" role="alert">
          {error("targets")}
        </Text>
      )}
      {value.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("programmeTargets.none")}
        </Text>
      ) : (
        <DataTable
          caption={t("programmeTargets.caption")}
          head={[
            t("programmeTargets.indicator"),
            t("programmeTargets.site"),
            t("programmeTargets.value"),
            t("programmeTargets.direction"),
            "",
          ]}
          rowCount={value.length}
          empty=""
          minWidth={860}
        >
          {value.map((row, i) => {
            const n = i + 1;
            const chosen = row.indicatorId ? byId.get(row.indicatorId) : undefined;
            const ratio = chosen?.kind === "ratio";
            const at = (f: string) => error(`targets.${row.key}.${f}`);
            return (
              <Table.Tr key={row.key} data-target-row={n}>
                <Table.Td miw={300}>
                  <Select
                    aria-label={t("programmeTargets.indicatorFor", { n })}
                    placeholder={t("common.choose")}
                    data={indicatorOptions}
                    value={row.indicatorId}
                    onChange={(id) => chooseIndicator(row, id)}
                    searchable
                    allowDeselect={false}
                    nothingFoundMessage={t("common.nothingFound")}
                    comboboxProps={{ withinPortal: true }}
                    error={at("indicatorId")}
                  />
                </Table.Td>
                <Table.Td miw={200}>
                  <Select
                    aria-label={t("programmeTargets.siteFor", { n })}
                    data={siteOptions}
                    value={row.siteId}
                    onChange={(v) => set(row.key, { siteId: v ?? "" })}
                    allowDeselect={false}
                    disabled={row.indicatorId === "enrolled"}
                    description={
                      row.indicatorId === "enrolled" ? t("programmeTargets.enrolledHint") : undefined
                    }
                    comboboxProps={{ withinPortal: true }}
                    error={at("siteId")}
                  />
                </Table.Td>
                <Table.Td w={150}>
                  <NumberInput
                    aria-label={t("programmeTargets.valueFor", { n })}
                    value={row.value}
                    onChange={(v) => set(row.key, { value: v })}
                    min={0}
                    max={ratio ? 100 : undefined}
                    suffix={ratio ? " %" : undefined}
                    allowDecimal={chosen?.kind !== "count"}
                    allowNegative={false}
                    description={ratio ? t("programmeTargets.percentHint") : undefined}
                    error={at("value")}
                  />
                </Table.Td>
                <Table.Td w={190}>
                  <Select
                    aria-label={t("programmeTargets.directionFor", { n })}
                    data={[
                      { value: "higher_is_better", label: t("programmeTargets.higher") },
                      { value: "lower_is_better", label: t("programmeTargets.lower") },
                    ]}
                    value={row.direction}
                    onChange={(v) => v && set(row.key, { direction: v as TargetRow["direction"] })}
                    allowDeselect={false}
                    comboboxProps={{ withinPortal: true }}
                    error={at("direction")}
                  />
                </Table.Td>
                <Table.Td w={48}>
                  <RemoveIcon
                    label={t("programmeTargets.remove", { n })}
                    onClick={() => onChange(value.filter((r) => r.key !== row.key))}
                  />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </DataTable>
      )}
      <div>
        <Button variant="default" leftSection={<IconPlus size={16} aria-hidden="true" />} onClick={add}>
          {t("programmeTargets.add")}
        </Button>
      </div>
    </Stack>
  );
}
