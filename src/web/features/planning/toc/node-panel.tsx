import { Button, Group, MultiSelect, Select, TextInput } from "@mantine/core";
import { IconArrowUp, IconCalendarPlus } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { RemoveButton } from "../../../app/ui/list-buttons.tsx";
import { GrowingTextarea } from "../../../app/ui/note-field.tsx";
import type { NodeType, TocContent, TocNodeData } from "../types.ts";
import type { IndicatorValue } from "./indicator-values.ts";
import { carriesIndicators, NODE_TYPES } from "./node-kinds.ts";
import { SelectionPanel } from "./selection-panel.tsx";

/**
 * The selected box: change its text and type, the indicators it carries (outcomes and outputs),
 * draw an arrow from it to another box with its rationale, or remove it. The keyboard way to
 * build the whole diagram.
 */
export function NodePanel({
  node,
  toc,
  canEdit,
  catalogue,
  problem,
  onChange,
  onConnect,
  onRemove,
  planUrl,
}: {
  node: TocNodeData;
  toc: TocContent;
  canEdit: boolean;
  catalogue: IndicatorValue[];
  problem: string | undefined;
  onChange: (patch: Partial<TocNodeData>) => void;
  onConnect: (to: string, rationale: string) => void;
  onRemove: () => void;
  /** Where to plan an activity serving this output (saved outputs only). */
  planUrl?: string;
}) {
  const { t } = useTranslation();
  const [target, setTarget] = useState<string | null>(null);
  const [rationale, setRationale] = useState("");
  const typeLabel = (n: NodeType) => t(`planning.toc.type.${n}`);
  const others = toc.nodes
    .filter((n) => n.id !== node.id)
    .map((n) => ({ value: n.id, label: `${typeLabel(n.type)}: ${n.text}` }));
  const known = new Set(catalogue.map((c) => c.id));
  const indicatorOptions = [
    ...catalogue.map((c) => ({ value: c.id, label: c.label })),
    ...node.indicatorIds.filter((id) => !known.has(id)).map((id) => ({ value: id, label: id })),
  ];
  return (
    <SelectionPanel
      labelId="toc-selected"
      title={t("planning.toc.selectedNode", { type: typeLabel(node.type) })}
      problem={problem}
    >
      <GrowingTextarea
        label={t("planning.toc.nodeText")}
        readOnly={!canEdit}
        value={node.text}
        onChange={(text) => onChange({ text: text })}
      />
      <Select
        label={t("planning.toc.nodeType")}
        data={NODE_TYPES.map((n) => ({ value: n, label: typeLabel(n) }))}
        value={node.type}
        readOnly={!canEdit}
        allowDeselect={false}
        onChange={(v) => v && onChange({ type: v as NodeType })}
      />
      {carriesIndicators(node.type) && (
        <MultiSelect
          label={t("planning.toc.indicators")}
          description={t("planning.toc.indicatorsHint")}
          data={indicatorOptions}
          value={node.indicatorIds}
          readOnly={!canEdit}
          searchable
          nothingFoundMessage={t("common.nothingFound")}
          onChange={(ids) => onChange({ indicatorIds: ids })}
        />
      )}
      {planUrl && (
        <Button
          component={Link}
          to={planUrl}
          variant="default"
          leftSection={<IconCalendarPlus size={16} aria-hidden="true" />}
        >
          {t("planning.plan.planForOutput")}
        </Button>
      )}
      {canEdit && (
        <>
          <Select
            label={t("planning.toc.arrowTo")}
            data={others}
            value={target}
            searchable
            clearable
            onChange={setTarget}
          />
          <TextInput
            label={t("planning.toc.rationale")}
            value={rationale}
            onChange={(e) => setRationale(e.currentTarget.value)}
          />
          <Group justify="space-between">
            <Button
              variant="light"
              disabled={!target}
              leftSection={<IconArrowUp size={16} aria-hidden="true" />}
              onClick={() => {
                if (!target) return;
                onConnect(target, rationale.trim());
                setTarget(null);
                setRationale("");
              }}
            >
              {t("planning.toc.addArrow")}
            </Button>
            <RemoveButton w="fit-content" onClick={onRemove}>
              {t("planning.toc.removeNode")}
            </RemoveButton>
          </Group>
        </>
      )}
    </SelectionPanel>
  );
}
