import "@xyflow/react/dist/style.css";
import {
  applyNodeChanges,
  Background,
  Controls,
  type Edge,
  MarkerType,
  type NodeChange,
  type OnSelectionChangeParams,
  ReactFlow,
  useReactFlow,
} from "@xyflow/react";
import { useCallback, useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { TocContent } from "../types.ts";
import type { IndicatorValue } from "./indicator-values.ts";
import { positionsOf } from "./toc-layout.ts";
import { type TocFlowNode, TocNode } from "./toc-node.tsx";

const nodeTypes = { toc: TocNode };

export type Selection = { kind: "node" | "edge"; id: string } | null;

/** The diagram itself (React Flow): boxes placed by hand or by the layout, arrows with their rationale. */
export function TocCanvas({
  toc,
  canEdit,
  values,
  problems,
  selection,
  onSelect,
  onMove,
  onConnect,
  onDelete,
}: {
  toc: TocContent;
  canEdit: boolean;
  values: Map<string, IndicatorValue>;
  problems: { nodes: Map<string, string>; edges: Map<string, string> };
  selection: Selection;
  onSelect: (s: Selection) => void;
  onMove: (id: string, position: { x: number; y: number }) => void;
  onConnect: (from: string, to: string) => void;
  onDelete: (nodeIds: string[], edgeIds: string[]) => void;
}) {
  const { t } = useTranslation();
  const computed = useMemo<TocFlowNode[]>(() => {
    const positions = positionsOf(toc);
    return toc.nodes.map((n) => {
      const typeLabel: string = t(`planning.toc.type.${n.type}`);
      return {
        id: n.id,
        type: "toc" as const,
        position: positions.get(n.id)!,
        selected: selection?.kind === "node" && selection.id === n.id,
        ariaLabel: `${typeLabel}: ${n.text}`,
        data: {
          node: n,
          typeLabel,
          indicators: n.indicatorIds.map((id) => values.get(id) ?? { id, label: id, shown: "…" }),
          problem: problems.nodes.get(n.id),
        },
      };
    });
  }, [toc, values, problems, selection, t]);
  const [nodes, setNodes] = useState(computed);
  useEffect(() => setNodes(computed), [computed]);

  // Keep the whole diagram in view as boxes come and go (not while the user moves them).
  const { fitView } = useReactFlow();
  const count = toc.nodes.length;
  useEffect(() => {
    if (count === 0) return;
    const timer = setTimeout(() => void fitView({ padding: 0.15, maxZoom: 1 }), 50);
    return () => clearTimeout(timer);
  }, [count, fitView]);

  const edges = useMemo<Edge[]>(
    () =>
      toc.edges.map((e) => {
        const bad = problems.edges.has(e.id);
        const color = bad ? "var(--mantine-color-red-7)" : "var(--mantine-color-gray-6)";
        return {
          id: e.id,
          source: e.from,
          target: e.to,
          label: e.rationale.length > 40 ? `${e.rationale.slice(0, 39)}…` : e.rationale || undefined,
          selected: selection?.kind === "edge" && selection.id === e.id,
          markerEnd: { type: MarkerType.ArrowClosed, color },
          style: { stroke: color, strokeWidth: bad ? 2.5 : 1.5 },
          ariaLabel: t("planning.toc.arrowFromTo", {
            from: toc.nodes.find((n) => n.id === e.from)?.text ?? e.from,
            to: toc.nodes.find((n) => n.id === e.to)?.text ?? e.to,
          }),
          labelStyle: { fontSize: 11, fontStyle: "italic" },
          labelBgStyle: { fill: "var(--mantine-color-body)" },
        };
      }),
    [toc, problems, selection, t],
  );

  const onNodesChange = useCallback(
    (changes: NodeChange<TocFlowNode>[]) => setNodes((ns) => applyNodeChanges(changes, ns)),
    [],
  );
  const onSelectionChange = useCallback(
    ({ nodes: n, edges: e }: OnSelectionChangeParams) => {
      if (n.length === 1 && e.length === 0) onSelect({ kind: "node", id: n[0]!.id });
      else if (e.length === 1 && n.length === 0) onSelect({ kind: "edge", id: e[0]!.id });
    },
    [onSelect],
  );

  return (
    <ReactFlow
      nodes={nodes}
      edges={edges}
      nodeTypes={nodeTypes}
      onNodesChange={onNodesChange}
      onSelectionChange={onSelectionChange}
      onNodeDragStop={(_, node) => onMove(node.id, node.position)}
      onConnect={(c) => c.source && c.target && onConnect(c.source, c.target)}
      onDelete={({ nodes: n, edges: e }) =>
        onDelete(
          n.map((x) => x.id),
          e.map((x) => x.id),
        )
      }
      onPaneClick={() => onSelect(null)}
      nodesDraggable={canEdit}
      nodesConnectable={canEdit}
      deleteKeyCode={canEdit ? ["Backspace", "Delete"] : null}
      fitView
      fitViewOptions={{ padding: 0.15, maxZoom: 1 }}
      minZoom={0.2}
      proOptions={{ hideAttribution: true }}
      ariaLabelConfig={{ "node.a11yDescription.default": t("planning.toc.canvasHelp") }}
    >
      <Background gap={24} />
      <Controls showInteractive={false} />
    </ReactFlow>
  );
}
