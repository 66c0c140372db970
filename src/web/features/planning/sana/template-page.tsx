import { Group, Paper, Select, Stack, Table, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ScrollTable } from "../../../app/table.tsx";
import { AddButton, RemoveIcon } from "../../../app/ui/list-buttons.tsx";
import { GrowingTextarea } from "../../../app/ui/note-field.tsx";
import { ArtefactFrame } from "../artefact-frame.tsx";
import { type ArtefactEditorProps, ProgrammeArtefactPage } from "../artefact-page.tsx";
import { newId } from "../new-id.ts";
import type { SanaIndicatorType, SanaTemplate } from "../types.ts";
import { useArtefactDraft } from "../use-artefact-draft.ts";

const PATH = "sana/template";
const TYPES: SanaIndicatorType[] = ["number", "percentage", "yes_no", "text"];
type Area = SanaTemplate["areas"][number];
type Indicator = Area["indicators"][number];

/** The SANA template as data: thematic areas and their indicators (name, unit, type). */
export function SanaTemplatePage() {
  return <ProgrammeArtefactPage artefact="sana-template" path={PATH} editor={TemplateEditor} />;
}

const toBody = (c: SanaTemplate) => c;

function TemplateEditor({ programme, place, doc }: ArtefactEditorProps<SanaTemplate>) {
  const { t } = useTranslation();
  const draft = useArtefactDraft({ programmeId: programme.id, path: PATH, doc, toBody });
  const readOnly = !draft.canEdit;
  const areas = draft.draft.areas;
  const changeArea = (a: number, patch: Partial<Area>) =>
    draft.setDraft((d) => ({ areas: d.areas.map((x, i) => (i === a ? { ...x, ...patch } : x)) }));
  const changeIndicator = (a: number, n: number, patch: Partial<Indicator>) =>
    changeArea(a, { indicators: areas[a]!.indicators.map((x, j) => (j === n ? { ...x, ...patch } : x)) });
  return (
    <ArtefactFrame place={place} label={t("planning.sanaTemplate.title")} draft={draft}>
      {areas.map((area, a) => (
        <Paper
          key={area.id}
          withBorder
          p="md"
          component="section"
          aria-label={area.title || t("planning.sanaTemplate.areaN", { n: a + 1 })}
        >
          <Stack gap="xs">
            <Group align="flex-end">
              <TextInput
                label={t("planning.sanaTemplate.areaTitle")}
                value={area.title}
                readOnly={readOnly}
                error={draft.field(`areas.${a}.title`)}
                onChange={(e) => changeArea(a, { title: e.currentTarget.value })}
                style={{ flex: 1 }}
              />
              {!readOnly && (
                <RemoveIcon
                  size="lg"
                  label={t("planning.removeNamed", { name: area.title })}
                  onClick={() => draft.setDraft((d) => ({ areas: d.areas.filter((_, i) => i !== a) }))}
                />
              )}
            </Group>
            <GrowingTextarea
              label={t("planning.fields.description")}
              minRows={1}
              value={area.description}
              readOnly={readOnly}
              onChange={(text) => changeArea(a, { description: text })}
            />
            <ScrollTable minWidth={720}>
              <Table verticalSpacing={4} captionSide="top">
                <caption className="visually-hidden">
                  {t("planning.sanaTemplate.indicatorsOf", { area: area.title })}
                </caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t("planning.sana.indicator")}</Table.Th>
                    <Table.Th scope="col">{t("planning.sanaTemplate.unit")}</Table.Th>
                    <Table.Th scope="col">{t("planning.fields.type")}</Table.Th>
                    <Table.Th scope="col" />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {area.indicators.map((ind, n) => (
                    <Table.Tr key={ind.id}>
                      <Table.Td>
                        <TextInput
                          aria-label={t("planning.sanaTemplate.nameOf", { n: n + 1, area: area.title })}
                          value={ind.name}
                          readOnly={readOnly}
                          error={draft.fieldTree(`areas.${a}.indicators.${n}`)}
                          onChange={(e) => changeIndicator(a, n, { name: e.currentTarget.value })}
                        />
                      </Table.Td>
                      <Table.Td>
                        <TextInput
                          aria-label={t("planning.sanaTemplate.unitOf", { name: ind.name })}
                          value={ind.unit}
                          readOnly={readOnly}
                          onChange={(e) => changeIndicator(a, n, { unit: e.currentTarget.value })}
                        />
                      </Table.Td>
                      <Table.Td>
                        <Select
                          aria-label={t("planning.sanaTemplate.typeOf", { name: ind.name })}
                          data={TYPES.map((x) => ({ value: x, label: t(`planning.sanaTemplate.type.${x}`) }))}
                          value={ind.type}
                          readOnly={readOnly}
                          allowDeselect={false}
                          onChange={(v) => v && changeIndicator(a, n, { type: v as SanaIndicatorType })}
                        />
                      </Table.Td>
                      <Table.Td>
                        {!readOnly && (
                          <RemoveIcon
                            label={t("planning.removeNamed", { name: ind.name })}
                            onClick={() =>
                              changeArea(a, { indicators: area.indicators.filter((_, j) => j !== n) })
                            }
                          />
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollTable>
            {!readOnly && (
              <AddButton
                w="fit-content"
                onClick={() =>
                  changeArea(a, {
                    indicators: [
                      ...area.indicators,
                      { id: newId("ind"), name: "", unit: "", type: "number", description: "" },
                    ],
                  })
                }
              >
                {t("planning.sanaTemplate.addIndicator")}
              </AddButton>
            )}
          </Stack>
        </Paper>
      ))}
      {!readOnly && (
        <AddButton
          size="sm"
          w="fit-content"
          onClick={() =>
            draft.setDraft((d) => ({
              areas: [...d.areas, { id: newId("area"), title: "", description: "", indicators: [] }],
            }))
          }
        >
          {t("planning.sanaTemplate.addArea")}
        </AddButton>
      )}
    </ArtefactFrame>
  );
}
