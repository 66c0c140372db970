import { Badge, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { AddButton } from "../../../app/ui/list-buttons.tsx";
import { ItemActions } from "../item-actions.tsx";
import type { Quadrant, SwotItem, SwotTag } from "../types.ts";
import { QUADRANT_COLOR } from "./labels.ts";

/** One quadrant of the matrix: its items with their tags, and (for editors) add, change, remove. */
export function SwotQuadrant({
  quadrant,
  items,
  tags,
  canEdit,
  errorOf,
  onAdd,
  onEdit,
  onRemove,
}: {
  quadrant: Quadrant;
  /** The items of this quadrant with their index in the whole list (the server names items by index). */
  items: Array<{ item: SwotItem; index: number }>;
  tags: SwotTag[];
  canEdit: boolean;
  errorOf: (index: number) => string | undefined;
  onAdd: () => void;
  onEdit: (index: number) => void;
  onRemove: (index: number) => void;
}) {
  const { t } = useTranslation();
  const label = t(`planning.swot.quadrant.${quadrant}`);
  const tagLabel = (code: string) => tags.find((x) => x.code === code)?.label ?? code;
  const headingId = `swot-${quadrant}`;
  return (
    <Paper
      withBorder
      p="md"
      component="section"
      aria-labelledby={headingId}
      style={{ borderTop: `4px solid var(--mantine-color-${QUADRANT_COLOR[quadrant]}-6)` }}
    >
      <Group justify="space-between" mb="sm">
        <div>
          <Title order={2} size="h4" id={headingId}>
            {label}
          </Title>
          <Text size="xs" c="dimmed">
            {t(`planning.swot.dimensionOf.${quadrant}`)}
          </Text>
        </div>
        {canEdit && <AddButton onClick={onAdd}>{t("planning.swot.addTo", { quadrant: label })}</AddButton>}
      </Group>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("planning.swot.empty")}
        </Text>
      ) : (
        <Stack gap="xs" component="ul" style={{ listStyle: "none", padding: 0, margin: 0 }}>
          {items.map(({ item, index }) => (
            <Paper key={item.id || index} component="li" withBorder p="xs" bg="var(--mantine-color-gray-0)">
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <Stack gap={4}>
                  <Text size="sm">{item.text}</Text>
                  {item.tags.length > 0 && (
                    <Group gap={4} aria-label={t("planning.swot.tags")}>
                      {item.tags.map((code) => (
                        <Badge
                          key={code}
                          size="sm"
                          variant="light"
                          color={QUADRANT_COLOR[quadrant]}
                          c="dark.7"
                          tt="none"
                        >
                          {tagLabel(code)}
                        </Badge>
                      ))}
                    </Group>
                  )}
                  {errorOf(index) && (
                    <Text size="xs" c="red.8" role="alert">
                      {errorOf(index)}
                    </Text>
                  )}
                </Stack>
                {canEdit && (
                  <ItemActions
                    name={item.text}
                    onEdit={() => onEdit(index)}
                    onRemove={() => onRemove(index)}
                  />
                )}
              </Group>
            </Paper>
          ))}
        </Stack>
      )}
    </Paper>
  );
}
