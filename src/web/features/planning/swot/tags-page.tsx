import { Select, Table, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { DataTable } from "../../../app/table.tsx";
import { AddButton, RemoveIcon } from "../../../app/ui/list-buttons.tsx";
import { ArtefactFrame } from "../artefact-frame.tsx";
import { type ArtefactEditorProps, ProgrammeArtefactPage } from "../artefact-page.tsx";
import type { CfirDomain, SwotTags } from "../types.ts";
import { useArtefactDraft } from "../use-artefact-draft.ts";
import { CFIR_DOMAINS } from "./labels.ts";

const PATH = "swot/tags";

/** The programme's SWOT vocabulary: the tags local teams name their items by, each with a CFIR 2.0 domain. */
export function SwotTagsPage() {
  return <ProgrammeArtefactPage artefact="swot-tags" path={PATH} editor={TagsEditor} />;
}

const toBody = (c: SwotTags) => c;

function TagsEditor({ programme, place, doc }: ArtefactEditorProps<SwotTags>) {
  const { t } = useTranslation();
  const draft = useArtefactDraft({ programmeId: programme.id, path: PATH, doc, toBody });
  const tags = draft.draft.tags;
  const change = (i: number, patch: Partial<SwotTags["tags"][number]>) =>
    draft.setDraft((d) => ({ tags: d.tags.map((x, j) => (j === i ? { ...x, ...patch } : x)) }));
  const domains = CFIR_DOMAINS.map((d) => ({ value: d, label: t(`planning.cfir.${d}`) }));
  const readOnly = !draft.canEdit;
  return (
    <ArtefactFrame place={place} label={t("planning.swot.vocabulary")} draft={draft}>
      <DataTable
        caption={t("planning.swot.vocabulary")}
        head={[t("common.code"), t("planning.swot.tagLabel"), t("planning.swot.cfirDomain"), ""]}
        rowCount={tags.length}
        empty={t("planning.swot.noTags")}
        minWidth={720}
      >
        {tags.map((tag, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a new tag has no code yet
          <Table.Tr key={i}>
            <Table.Td>
              <TextInput
                aria-label={t("planning.swot.tagCodeN", { n: i + 1 })}
                value={tag.code}
                readOnly={readOnly}
                error={draft.field(`tags.${i}.code`)}
                onChange={(e) => change(i, { code: e.currentTarget.value })}
              />
            </Table.Td>
            <Table.Td>
              <TextInput
                aria-label={t("planning.swot.tagLabelN", { n: i + 1 })}
                value={tag.label}
                readOnly={readOnly}
                error={draft.field(`tags.${i}.label`)}
                onChange={(e) => change(i, { label: e.currentTarget.value })}
              />
            </Table.Td>
            <Table.Td>
              <Select
                aria-label={t("planning.swot.tagDomainN", { n: i + 1 })}
                data={domains}
                value={tag.cfirDomain}
                readOnly={readOnly}
                clearable
                placeholder={t("planning.swot.noDomain")}
                onChange={(v) => change(i, { cfirDomain: (v as CfirDomain | null) ?? null })}
              />
            </Table.Td>
            <Table.Td>
              {!readOnly && (
                <RemoveIcon
                  label={t("planning.removeNamed", { name: tag.label || tag.code })}
                  onClick={() => draft.setDraft((d) => ({ tags: d.tags.filter((_, j) => j !== i) }))}
                />
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
      {!readOnly && (
        <AddButton
          size="sm"
          w="fit-content"
          onClick={() =>
            draft.setDraft((d) => ({ tags: [...d.tags, { code: "", label: "", cfirDomain: null }] }))
          }
        >
          {t("planning.swot.addTag")}
        </AddButton>
      )}
    </ArtefactFrame>
  );
}
