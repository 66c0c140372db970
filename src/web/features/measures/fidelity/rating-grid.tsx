import { Group, Table, Text } from "@mantine/core";
import { Fragment, memo } from "react";
import { useTranslation } from "react-i18next";
import { ScrollTable } from "../../../app/table.tsx";
import { NumberField } from "../../../app/ui/number-field.tsx";
import type { FidelityScale } from "../types.ts";
import { useLevelLabel } from "./fidelity-labels.ts";
import { RatingAnchors } from "./rating-anchors.tsx";
import type { RaterDraft } from "./review-draft.ts";

/**
 * The ratings of a review: one row per item (grouped by level), one column per rater. Each cell
 * is a number field named after its rater and item; Tab moves along the row. A rating the server
 * refuses shows in its cell, as typed.
 */
export function RatingGrid({
  scale,
  raters,
  onRate,
  errorOf,
}: {
  scale: FidelityScale;
  raters: RaterDraft[];
  onRate: (raterKey: number, itemId: string, value: number | string) => void;
  errorOf: (raterIndex: number, itemId: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const levelLabel = useLevelLabel();
  const name = (r: RaterDraft, i: number) => r.rater.trim() || t("measures.fidelity.raterN", { n: i + 1 });
  return (
    <ScrollTable minWidth={360 + raters.length * 110}>
      <Table verticalSpacing={6} captionSide="top" withRowBorders>
        <caption className="visually-hidden">{t("measures.fidelity.ratings")}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("measures.fidelity.item")}</Table.Th>
            {raters.map((r, i) => (
              <Table.Th key={r.key} scope="col" w={110}>
                {name(r, i)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {scale.levels.map((level) => (
            <Fragment key={level}>
              {scale.levels.length > 1 && (
                <Table.Tr>
                  <Table.Th colSpan={raters.length + 1} scope="colgroup" bg="gray.1">
                    {levelLabel(level)}
                  </Table.Th>
                </Table.Tr>
              )}
              {scale.items
                .filter((item) => item.level === level)
                .map((item) => (
                  <Table.Tr key={item.id}>
                    <Table.Th scope="row" fw={400}>
                      <Group gap={4} wrap="nowrap" align="flex-start">
                        <Text size="sm">
                          <b>{item.id}</b> {item.name}
                        </Text>
                        <RatingAnchors item={item} />
                      </Group>
                    </Table.Th>
                    {raters.map((r, i) => (
                      <Table.Td key={r.key}>
                        <RatingCell
                          label={t("measures.fidelity.cellLabel", {
                            rater: name(r, i),
                            item: `${item.id} ${item.name}`,
                          })}
                          value={r.ratings[item.id] ?? ""}
                          range={scale.range}
                          onChange={(v) => onRate(r.key, item.id, v)}
                          error={errorOf(i, item.id)}
                        />
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
            </Fragment>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}

const RatingCell = memo(function RatingCell({
  label,
  value,
  range,
  onChange,
  error,
}: {
  label: string;
  value: number | string;
  range: { min: number; max: number };
  onChange: (v: number | string) => void;
  error?: string;
}) {
  return (
    <NumberField
      aria-label={label}
      value={value}
      onChange={onChange}
      min={range.min}
      max={range.max}
      size="sm"
      w={90}
      placeholder={`${range.min}–${range.max}`}
      error={error}
    />
  );
});
