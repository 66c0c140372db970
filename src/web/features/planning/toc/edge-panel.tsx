import { useTranslation } from "react-i18next";
import { RemoveButton } from "../../../app/ui/list-buttons.tsx";
import { GrowingTextarea } from "../../../app/ui/note-field.tsx";
import type { TocContent, TocEdgeData } from "../types.ts";
import { SelectionPanel } from "./selection-panel.tsx";

/** The selected arrow: why it holds (its rationale), or remove it. */
export function EdgePanel({
  edge,
  toc,
  canEdit,
  problem,
  onChange,
  onRemove,
}: {
  edge: TocEdgeData;
  toc: TocContent;
  canEdit: boolean;
  problem: string | undefined;
  onChange: (rationale: string) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const text = (id: string) => toc.nodes.find((n) => n.id === id)?.text ?? id;
  return (
    <SelectionPanel
      labelId="toc-selected-edge"
      title={t("planning.toc.selectedArrow")}
      summary={t("planning.toc.arrowFromTo", { from: text(edge.from), to: text(edge.to) })}
      problem={problem}
    >
      <GrowingTextarea
        label={t("planning.toc.rationale")}
        description={t("planning.toc.rationaleHint")}
        readOnly={!canEdit}
        value={edge.rationale}
        onChange={onChange}
      />
      {canEdit && (
        <RemoveButton w="fit-content" onClick={onRemove}>
          {t("planning.toc.removeArrow")}
        </RemoveButton>
      )}
    </SelectionPanel>
  );
}
