import { MultiSelect, NumberInput, Stack, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { DataTable } from "../../app/table.tsx";
import type { Site } from "../../app/types.ts";
import type { NumberValue, ProgrammeFormValues } from "./form-values.ts";

/** The programme's sites (from its region), each with an optional enrolment target of its own. */
export function SitesFields({
  sites,
  value,
  defaultTarget,
  onChange,
  error,
}: {
  sites: Site[];
  value: ProgrammeFormValues["sites"];
  defaultTarget: NumberValue;
  onChange: (v: ProgrammeFormValues["sites"]) => void;
  error: (path: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const byId = new Map(sites.map((s) => [s.id, s]));
  const select = (ids: string[]) => {
    const kept = new Map(value.map((s) => [s.siteId, s]));
    onChange(ids.map((id) => kept.get(Number(id)) ?? { siteId: Number(id), targetEnrolment: "" }));
  };
  const setTarget = (siteId: number, targetEnrolment: NumberValue) =>
    onChange(value.map((s) => (s.siteId === siteId ? { ...s, targetEnrolment } : s)));

  return (
    <Stack gap="sm">
      <MultiSelect
        label={t("programmes.sites")}
        description={t("programmes.sitesHint")}
        placeholder={value.length ? undefined : t("programmes.chooseSites")}
        searchable
        clearable
        clearButtonProps={{ "aria-label": t("common.clearNamed", { name: t("programmes.sites") }) }}
        hidePickedOptions
        nothingFoundMessage={t("common.nothingFound")}
        data={sites.map((s) => ({ value: String(s.id), label: `${s.code} — ${s.name}` }))}
        value={value.map((s) => String(s.siteId))}
        onChange={select}
        error={error("sites")}
        comboboxProps={{ withinPortal: true }}
      />
      {value.length > 0 && (
        <DataTable
          caption={t("programmes.siteTargets")}
          head={[t("common.code"), t("common.name"), t("programmes.siteTarget")]}
          rowCount={value.length}
          empty=""
        >
          {value.map((s) => {
            const site = byId.get(s.siteId);
            const code = site?.code ?? String(s.siteId);
            return (
              <Table.Tr key={s.siteId}>
                <Table.Td>{code}</Table.Td>
                <Table.Td>
                  {site?.name}
                  {error(`sites.site-${s.siteId}`) && (
                    <Text size="xs" c="red.9">
                      {error(`sites.site-${s.siteId}`)}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <NumberInput
                    aria-label={t("programmes.siteTargetFor", { site: code })}
                    placeholder={t("programmes.defaultTarget", {
                      n: defaultTarget === "" ? "—" : defaultTarget,
                    })}
                    min={0}
                    max={100000}
                    allowDecimal={false}
                    w={180}
                    value={s.targetEnrolment}
                    onChange={(v) => setTarget(s.siteId, v)}
                    error={error(`sites.site-${s.siteId}.targetEnrolment`)}
                  />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </DataTable>
      )}
    </Stack>
  );
}
