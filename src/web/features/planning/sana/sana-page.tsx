import { Alert, Table, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { todayIso } from "../../../app/today.ts";
import { NumberField } from "../../../app/ui/number-field.tsx";
import { sentNumber } from "../../../app/ui/read-number.ts";
import { ArtefactFrame } from "../artefact-frame.tsx";
import { type ArtefactEditorProps, ScopedArtefactPage } from "../artefact-page.tsx";
import type { SanaTemplate, SanaValue, SanaValues } from "../types.ts";
import { useArtefactDraft } from "../use-artefact-draft.ts";
import { AreaTable } from "./area-table.tsx";
import { IndicatorRowHead } from "./indicator-row-head.tsx";
import { SanaValueInput } from "./sana-value-input.tsx";

type Values = { values: SanaValue[] };

/** The situation analysis of the region or of one site: each indicator of the template with value, source and year. */
export function SanaPage() {
  return <ScopedArtefactPage segment="sana" companion="sana/template" editor={SanaEditor} />;
}

/** Rows without a value, source, year or note are not kept. */
const toBody = (c: Values): SanaValues => ({
  values: c.values.filter((v) => v.value !== null || v.source || v.year !== null || v.note),
});

function SanaEditor({
  programme,
  place,
  path,
  doc,
  companion: template,
}: ArtefactEditorProps<Values, SanaTemplate>) {
  const { t } = useTranslation();
  const draft = useArtefactDraft({ programmeId: programme.id, path, doc, toBody });
  const values = draft.draft.values;
  const readOnly = !draft.canEdit;
  const of = (id: string): SanaValue =>
    values.find((v) => v.indicatorId === id) ?? {
      indicatorId: id,
      value: null,
      source: "",
      year: null,
      note: "",
    };
  const set = (id: string, patch: Partial<SanaValue>) =>
    draft.setDraft((d) => {
      const has = d.values.some((v) => v.indicatorId === id);
      return {
        values: has
          ? d.values.map((v) => (v.indicatorId === id ? { ...v, ...patch } : v))
          : [...d.values, { ...of(id), ...patch }],
      };
    });
  // The server names a value by its place in the saved list (rows with nothing in them are left out).
  const saved = toBody(draft.draft).values;
  const error = (id: string, f: string) => {
    const i = saved.findIndex((v) => v.indicatorId === id);
    return i < 0 ? undefined : draft.field(`values.${i}.${f}`);
  };
  return (
    <ArtefactFrame
      place={place}
      label={t("planning.sana.title")}
      draft={draft}
      crossSite={{ page: "sana-compare", label: t("planning.sanaCompare.title") }}
    >
      {template.areas.length === 0 && (
        <Alert color="blue" variant="light">
          {t("planning.sana.noTemplate")}
        </Alert>
      )}
      {template.areas.map((area) => (
        <AreaTable
          key={area.id}
          id={`sana-${area.id}`}
          area={area}
          description={area.description}
          minWidth={760}
          head={
            <>
              <Table.Th scope="col" w={200}>
                {t("planning.fields.value")}
              </Table.Th>
              <Table.Th scope="col">{t("planning.fields.source")}</Table.Th>
              <Table.Th scope="col" w={110}>
                {t("planning.fields.year")}
              </Table.Th>
            </>
          }
        >
          {area.indicators.map((ind) => {
            const v = of(ind.id);
            return (
              <Table.Tr key={ind.id}>
                <IndicatorRowHead indicator={ind} />
                <Table.Td>
                  <SanaValueInput
                    type={ind.type}
                    label={t("planning.sana.valueOf", { name: ind.name })}
                    value={v.value ?? null}
                    readOnly={readOnly}
                    error={error(ind.id, "value")}
                    onChange={(value) => set(ind.id, { value })}
                  />
                </Table.Td>
                <Table.Td>
                  <TextInput
                    aria-label={t("planning.sana.sourceOf", { name: ind.name })}
                    value={v.source ?? ""}
                    readOnly={readOnly}
                    error={error(ind.id, "source")}
                    onChange={(e) => set(ind.id, { source: e.currentTarget.value })}
                  />
                </Table.Td>
                <Table.Td>
                  <NumberField
                    aria-label={t("planning.sana.yearOf", { name: ind.name })}
                    value={v.year ?? ""}
                    min={1900}
                    max={Number(todayIso().slice(0, 4))}
                    allowDecimal={false}
                    readOnly={readOnly}
                    error={error(ind.id, "year")}
                    // Letters are kept (and sent, for the server to refuse), never saved as no year
                    onChange={(y) => set(ind.id, { year: sentNumber(y) })}
                  />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </AreaTable>
      ))}
    </ArtefactFrame>
  );
}
