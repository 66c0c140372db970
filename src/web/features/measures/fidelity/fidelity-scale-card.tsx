import { Accordion, Group, List, Paper, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Tag } from "../tag.tsx";
import type { FidelityScale } from "../types.ts";
import { useLevelLabel } from "./fidelity-labels.ts";

/** A fidelity scale as data: range, levels, cut-offs, and each item with its anchors. */
export function FidelityScaleCard({ scale }: { scale: FidelityScale }) {
  const { t } = useTranslation();
  const levelLabel = useLevelLabel();
  return (
    <Paper withBorder p="md" mb="md" component="section" aria-labelledby={`scale-${scale.code}`}>
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4" id={`scale-${scale.code}`}>
          {scale.name}
        </Title>
        <Group gap={4}>
          <Tag variant="outline" color="gray.7" tt="none">
            {t("measures.library.itemsN", { count: scale.items.length })} · {scale.range.min}–
            {scale.range.max}
          </Tag>
          {scale.levels.map((l) => (
            <Tag key={l} variant="light" tt="none">
              {levelLabel(l)}
            </Tag>
          ))}
        </Group>
      </Group>
      <Text size="sm" mb="xs">
        {scale.cutoffs.map((c) => c.label).join(" · ")}
      </Text>
      <Accordion variant="contained" chevronPosition="left">
        {scale.items.map((i) => (
          <Accordion.Item key={i.id} value={i.id}>
            <Accordion.Control>
              <b>{i.id}</b> {i.name}
              {scale.levels.length > 1 && (
                <Text span size="xs" c="dimmed" ml="xs">
                  {levelLabel(i.level)}
                </Text>
              )}
            </Accordion.Control>
            <Accordion.Panel>
              <Text size="sm" mb="xs">
                {i.description}
              </Text>
              <List size="sm" spacing={2}>
                {Object.entries(i.anchors).map(([r, a]) => (
                  <List.Item key={r}>
                    <b>{r}</b> — {a}
                  </List.Item>
                ))}
              </List>
            </Accordion.Panel>
          </Accordion.Item>
        ))}
      </Accordion>
      <Text size="xs" c="dimmed" mt="xs">
        {scale.source} {scale.notice}
      </Text>
    </Paper>
  );
}
