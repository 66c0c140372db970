import { Badge, List, Table, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { DataTable } from "../../../app/table.tsx";
import { AddButton } from "../../../app/ui/list-buttons.tsx";
import { TwoLineText } from "../../../app/ui/two-line-text.tsx";
import { ArtefactFrame } from "../artefact-frame.tsx";
import { type ArtefactEditorProps, ScopedArtefactPage } from "../artefact-page.tsx";
import { useCivilDate } from "../format.ts";
import { ItemActions } from "../item-actions.tsx";
import { newId } from "../new-id.ts";
import type { RoadmapContent } from "../types.ts";
import { useArtefactDraft } from "../use-artefact-draft.ts";
import { OBJECTIVE_COLOR, ObjectiveModal, type ObjectiveValues } from "./objective-modal.tsx";

/** The implementation roadmap of the region or of one site: objectives, conditions, timeframes, status. */
export function RoadmapPage() {
  return <ScopedArtefactPage segment="roadmap" editor={RoadmapEditor} />;
}

const toBody = (c: RoadmapContent) => c;
const blank: ObjectiveValues = {
  objective: "",
  conditions: [],
  timeframe: "",
  targetDate: null,
  responsible: "",
  status: "not_started",
  note: "",
};

function RoadmapEditor({ programme, place, path, doc }: ArtefactEditorProps<RoadmapContent>) {
  const { t } = useTranslation();
  const date = useCivilDate();
  const draft = useArtefactDraft({ programmeId: programme.id, path, doc, toBody });
  const [editing, setEditing] = useState<{ index: number | null; values: ObjectiveValues } | null>(null);
  const objectives = draft.draft.objectives;
  const apply = (v: ObjectiveValues) => {
    if (!editing) return;
    draft.setDraft((d) => {
      const next = [...d.objectives];
      if (editing.index === null) next.push({ id: newId("obj"), ...v });
      else next[editing.index] = { ...next[editing.index]!, ...v };
      return { objectives: next };
    });
    setEditing(null);
  };
  return (
    <ArtefactFrame
      place={place}
      label={t("planning.roadmap.title")}
      draft={draft}
      pdf
      crossSite={{ page: "roadmap-compliance", label: t("planning.compliance.title") }}
    >
      <DataTable
        caption={t("planning.roadmap.title")}
        head={[
          t("planning.fields.objective"),
          t("planning.fields.conditions"),
          t("planning.fields.timeframe"),
          t("planning.fields.responsible"),
          t("planning.fields.status"),
          ...(draft.canEdit ? [t("common.actions")] : []),
        ]}
        rowCount={objectives.length}
        empty={t("planning.roadmap.none")}
        minWidth={860}
      >
        {objectives.map((o, i) => (
          <Table.Tr key={o.id || i}>
            <Table.Td>
              <TwoLineText main={o.objective} sub={o.note} />
              {draft.fieldTree(`objectives.${i}`) && (
                <Text size="xs" c="red.8" role="alert">
                  {draft.fieldTree(`objectives.${i}`)}
                </Text>
              )}
            </Table.Td>
            <Table.Td>
              <List size="sm" spacing={2}>
                {o.conditions.map((c) => (
                  <List.Item key={c}>{c}</List.Item>
                ))}
              </List>
            </Table.Td>
            <Table.Td>
              <Text size="sm">{o.timeframe}</Text>
              {o.targetDate && (
                <Text size="xs" c="dimmed">
                  {date(o.targetDate)}
                </Text>
              )}
            </Table.Td>
            <Table.Td>
              <Text size="sm">{o.responsible}</Text>
            </Table.Td>
            <Table.Td>
              <Badge color={OBJECTIVE_COLOR[o.status]} c="dark.7" variant="light" tt="none">
                {t(`planning.roadmap.status.${o.status}`)}
              </Badge>
            </Table.Td>
            {draft.canEdit && (
              <Table.Td>
                <ItemActions
                  name={o.objective}
                  onEdit={() => setEditing({ index: i, values: o })}
                  onRemove={() =>
                    draft.setDraft((d) => ({ objectives: d.objectives.filter((_, j) => j !== i) }))
                  }
                />
              </Table.Td>
            )}
          </Table.Tr>
        ))}
      </DataTable>
      {draft.canEdit && (
        <AddButton size="sm" w="fit-content" onClick={() => setEditing({ index: null, values: blank })}>
          {t("planning.roadmap.add")}
        </AddButton>
      )}
      {editing && (
        <ObjectiveModal
          title={
            editing.index === null
              ? t("planning.roadmap.add")
              : t("common.editNamed", { name: editing.values.objective })
          }
          initial={editing.values}
          onSubmit={apply}
          onClose={() => setEditing(null)}
        />
      )}
    </ArtefactFrame>
  );
}
