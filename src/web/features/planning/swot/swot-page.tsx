import { Alert, Anchor, SimpleGrid } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { PlanningLinksPanel } from "../../protocols/public.ts";
import { ArtefactFrame } from "../artefact-frame.tsx";
import { type ArtefactEditorProps, ScopedArtefactPage } from "../artefact-page.tsx";
import { ChainLinksPanel } from "../chain/chain-links-panel.tsx";
import { planningUrl } from "../scope.ts";
import type { SwotContent, SwotTags } from "../types.ts";
import { useArtefactDraft } from "../use-artefact-draft.ts";
import { QUADRANTS } from "./labels.ts";
import { SwotItemModal, type SwotItemValues } from "./swot-item-modal.tsx";
import { SwotQuadrant } from "./swot-quadrant.tsx";

/** The SWOT matrix of the region or of one site. */
export function SwotPage() {
  return <ScopedArtefactPage segment="swot" companion="swot/tags" editor={SwotEditor} />;
}

const toBody = (c: SwotContent) => ({
  items: c.items.map(({ id, quadrant, text, tags }) => ({ id: id || undefined, quadrant, text, tags })),
});

type Editing = { index: number | null; values: SwotItemValues };

function SwotEditor({
  programme,
  place,
  scope,
  path,
  doc,
  companion: tags,
}: ArtefactEditorProps<SwotContent, SwotTags>) {
  const { t } = useTranslation();
  const draft = useArtefactDraft({ programmeId: programme.id, path, doc, toBody });
  const [editing, setEditing] = useState<Editing | null>(null);
  const items = draft.draft.items;

  const apply = (values: SwotItemValues) => {
    if (!editing) return;
    const dimension =
      values.quadrant === "strength" || values.quadrant === "weakness" ? "internal" : "external";
    draft.setDraft((d) => {
      const next = [...d.items];
      if (editing.index === null) next.push({ id: "", dimension, ...values });
      else next[editing.index] = { ...next[editing.index]!, dimension, ...values };
      return { items: next };
    });
    setEditing(null);
  };
  const remove = (index: number) => draft.setDraft((d) => ({ items: d.items.filter((_, i) => i !== index) }));

  return (
    <ArtefactFrame
      place={place}
      label={t("planning.swot.title")}
      draft={draft}
      pdf
      crossSite={{ page: "swot-common-factors", label: t("planning.swot.commonFactorsLink") }}
    >
      {tags.tags.length === 0 && (
        <Alert color="blue" variant="light">
          {t("planning.swot.noVocabulary")}{" "}
          <Anchor component={Link} to={planningUrl(programme.id, "swot-tags")}>
            {t("planning.swot.vocabularyLink")}
          </Anchor>
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {QUADRANTS.map((q) => (
          <SwotQuadrant
            key={q}
            quadrant={q}
            items={items.map((item, index) => ({ item, index })).filter((x) => x.item.quadrant === q)}
            tags={tags.tags}
            canEdit={draft.canEdit}
            errorOf={(i) => draft.fieldTree(`items.${i}`)}
            onAdd={() => setEditing({ index: null, values: { quadrant: q, text: "", tags: [] } })}
            onEdit={(i) => setEditing({ index: i, values: items[i]! })}
            onRemove={remove}
          />
        ))}
      </SimpleGrid>
      <PlanningLinksPanel
        programmeId={programme.id}
        siteId={scope.siteId}
        itemKind="swot"
        canEditPlan={draft.canEdit}
        items={draft.base.content.items.flatMap((x) => (x.id ? [{ id: x.id, text: x.text }] : []))}
      />
      {editing && (
        <SwotItemModal
          initial={{ ...editing.values, id: editing.index === null ? undefined : String(editing.index) }}
          tags={tags.tags}
          extra={
            editing.index !== null && items[editing.index]?.id ? (
              <ChainLinksPanel
                programmeId={programme.id}
                scope={scope}
                kind="swot_item"
                itemKey={items[editing.index]!.id}
              />
            ) : undefined
          }
          onSubmit={apply}
          onClose={() => setEditing(null)}
        />
      )}
    </ArtefactFrame>
  );
}
