import { Badge, Group, Paper, Stack, Text } from "@mantine/core";
import { Handle, type Node, type NodeProps, Position } from "@xyflow/react";
import type { TocNodeData } from "../types.ts";
import type { IndicatorValue } from "./indicator-values.ts";
import { NODE_COLOR, NODE_WIDTH } from "./node-kinds.ts";

export type TocFlowNode = Node<
  {
    node: TocNodeData;
    typeLabel: string;
    indicators: Array<IndicatorValue | { id: string; label: string; shown: string }>;
    problem: string | undefined;
  },
  "toc"
>;

/** One box of the diagram: its type, what it says, and the live value of each indicator it carries. */
export function TocNode({ data, selected }: NodeProps<TocFlowNode>) {
  const color = NODE_COLOR[data.node.type];
  return (
    <Paper
      withBorder
      shadow={selected ? "md" : "xs"}
      p="xs"
      w={NODE_WIDTH}
      data-node-id={data.node.id}
      style={{
        borderColor: data.problem
          ? "var(--mantine-color-red-7)"
          : selected
            ? `var(--mantine-color-${color}-7)`
            : `var(--mantine-color-${color}-4)`,
        borderWidth: selected || data.problem ? 2 : 1,
        borderLeft: `6px solid var(--mantine-color-${color}-6)`,
        background: "var(--mantine-color-body)",
      }}
    >
      <Handle type="target" position={Position.Bottom} />
      <Stack gap={4}>
        <Text size="xs" fw={700} tt="uppercase" c="dark.6">
          {data.typeLabel}
        </Text>
        <Text size="sm" lh={1.3} lineClamp={4}>
          {data.node.text}
        </Text>
        {data.indicators.map((i) => (
          <Group key={i.id} gap={6} wrap="nowrap" justify="space-between" className="toc-indicator">
            <Text size="xs" c="dimmed" truncate>
              {i.label}
            </Text>
            <Badge size="sm" variant="light" color={color} tt="none" style={{ flexShrink: 0 }}>
              {i.shown}
            </Badge>
          </Group>
        ))}
        {data.problem && (
          <Text size="xs" c="red.8">
            {data.problem}
          </Text>
        )}
      </Stack>
      <Handle type="source" position={Position.Top} />
    </Paper>
  );
}
