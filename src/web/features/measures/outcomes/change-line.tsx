import { Group, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useFormatDate, useFormatNumber } from "../labels.ts";
import { Tag } from "../tag.tsx";
import type { InstrumentOutcome } from "../types.ts";

type Change = InstrumentOutcome["changes"][number];

const COLOURS = { improved: "green", deteriorated: "red", no_reliable_change: "gray" } as const;

/** First → latest total of one respondent, with the reliable-change verdict where one is published. */
export function ChangeLine({ change }: { change: Change }) {
  const { t } = useTranslation();
  const date = useFormatDate();
  const num = useFormatNumber();
  const sign = change.change > 0 ? "+" : "";
  return (
    <Group gap="xs" wrap="wrap">
      <Text size="sm" fw={600}>
        {t(`measures.respondents.${change.respondent}`)}:
      </Text>
      <Text size="sm">
        {t("measures.outcomes.fromTo", {
          from: num(change.from.total),
          fromDate: date(change.from.date),
          to: num(change.to.total),
          toDate: date(change.to.date),
        })}{" "}
        ({sign}
        {num(change.change)})
      </Text>
      {change.direction ? (
        <Tag color={COLOURS[change.direction]} variant="light" tt="none">
          {t(`measures.outcomes.direction.${change.direction}`)}
          {change.index !== null && ` · RCI ${num(change.index)}`}
        </Tag>
      ) : (
        <Text size="xs" c="dimmed">
          {t("measures.outcomes.noReliableChange")}
        </Text>
      )}
    </Group>
  );
}
