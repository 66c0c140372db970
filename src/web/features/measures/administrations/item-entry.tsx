import { Divider, Stack, Text } from "@mantine/core";
import { Fragment } from "react";
import type { InstrumentDetail } from "../types.ts";
import { ItemQuestion } from "./item-question.tsx";

export type Answers = Record<string, number | null>;

/** Every item of an instrument, in order, with its answer and the server's error for it. */
export function ItemEntry({
  instrument,
  answers,
  onChange,
  errorOf,
}: {
  instrument: InstrumentDetail;
  answers: Answers;
  onChange: (id: string, value: number | null) => void;
  errorOf: (itemId: string) => string | undefined;
}) {
  return (
    <Stack gap="md">
      {instrument.instructions && (
        <Text size="sm" fs="italic">
          {instrument.instructions}
        </Text>
      )}
      {instrument.items.map((item, i) => (
        <Fragment key={item.id}>
          {i > 0 && <Divider />}
          <ItemQuestion
            item={item}
            position={i + 1}
            value={answers[item.id] ?? null}
            onChange={onChange}
            error={errorOf(item.id)}
          />
        </Fragment>
      ))}
    </Stack>
  );
}
