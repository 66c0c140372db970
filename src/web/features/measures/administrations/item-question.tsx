import { Badge, Button, Group, Radio, SimpleGrid, Text } from "@mantine/core";
import { memo } from "react";
import { useTranslation } from "react-i18next";
import { useInstrumentText } from "../instruments/instrument-text.ts";
import type { InstrumentItem } from "../types.ts";

/**
 * One item of a form: its wording (or its number when the wording is licensed and not loaded)
 * and its answers as radios — Tab reaches the group, the arrow keys choose. The server's refusal
 * of an answer shows under it; the answer stays as given.
 */
export const ItemQuestion = memo(function ItemQuestion({
  item,
  position,
  value,
  onChange,
  error,
}: {
  item: InstrumentItem;
  position: number;
  value: number | null;
  onChange: (id: string, value: number | null) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const text = useInstrumentText();
  const label = item.text
    ? `${position}. ${text(item.text)}`
    : t("measures.form.itemNumber", { id: item.id });
  return (
    <Radio.Group
      label={label}
      value={value === null ? "" : String(value)}
      onChange={(v) => onChange(item.id, v === "" ? null : Number(v))}
      error={error}
      styles={{ label: { fontWeight: 500, marginBottom: 6 } }}
      data-item={item.id}
    >
      <SimpleGrid cols={{ base: 1, sm: Math.min(item.options.length, 5) }} spacing="sm" verticalSpacing={6}>
        {item.options.map((o) => (
          <Radio
            key={o.value}
            value={String(o.value)}
            size="sm"
            label={o.label ? `${o.value} · ${o.label}` : String(o.value)}
            aria-label={o.label ? `${o.value} ${o.label}` : String(o.value)}
          />
        ))}
      </SimpleGrid>
      {(value !== null || item.reversed) && (
        <Group gap="xs" mt={4}>
          {value !== null && (
            <Button
              variant="subtle"
              size="compact-xs"
              // a shade on a subtle button is capped at 6 by Mantine (3.3:1 for gray): the text
              // colour is given instead
              color="gray"
              c="gray.8"
              onClick={() => onChange(item.id, null)}
              aria-label={t("measures.form.clearAnswerOf", { item: item.id })}
            >
              {t("measures.form.clearAnswer")}
            </Button>
          )}
          {item.reversed && (
            <Badge size="xs" variant="outline" color="gray.7" tt="none">
              {t("measures.form.reversed")}
            </Badge>
          )}
        </Group>
      )}
      {!item.text && item.options.some((o) => o.label === null) && (
        <Text size="xs" c="dimmed" mt={4}>
          {t("measures.form.valuesOnly")}
        </Text>
      )}
    </Radio.Group>
  );
});
