import { ActionIcon, List, Popover, Text } from "@mantine/core";
import { IconInfoCircle } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import type { FidelityScale } from "../types.ts";

type Item = FidelityScale["items"][number];

/** What each rating of an item looks like, in a popover opened by a named button. */
export function RatingAnchors({ item }: { item: Item }) {
  const { t } = useTranslation();
  const anchors = Object.entries(item.anchors).sort(([a], [b]) => Number(a) - Number(b));
  return (
    <Popover width={360} position="right-start" withArrow shadow="md">
      <Popover.Target>
        <ActionIcon
          variant="subtle"
          color="gray.7"
          size="sm"
          aria-label={t("measures.fidelity.anchorsOf", { item: item.name })}
        >
          <IconInfoCircle size={16} aria-hidden="true" />
        </ActionIcon>
      </Popover.Target>
      <Popover.Dropdown>
        <Text size="sm" mb="xs">
          {item.description}
        </Text>
        <List size="sm" spacing={4}>
          {anchors.map(([rating, text]) => (
            <List.Item key={rating}>
              <b>{rating}</b> — {text}
            </List.Item>
          ))}
        </List>
      </Popover.Dropdown>
    </Popover>
  );
}
