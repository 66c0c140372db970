import { Table } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { DataTable } from "../../../app/table.tsx";
import { useFormatNumber } from "../labels.ts";
import { Tag } from "../tag.tsx";
import type { Review } from "../types.ts";
import { useLevelLabel } from "./fidelity-labels.ts";

/** Every item of a review: each rater's rating and the consensus, low items marked. */
export function ReviewItemsTable({ review, lowThreshold }: { review: Review; lowThreshold: number }) {
  const { t } = useTranslation();
  const num = useFormatNumber();
  const levelLabel = useLevelLabel();
  const raters = [...new Set(review.items.flatMap((i) => i.ratings.map((r) => r.rater)))];
  const levels = new Set(review.items.map((i) => i.level));
  return (
    <DataTable
      caption={t("measures.fidelity.itemRatings")}
      head={[
        t("measures.fidelity.item"),
        ...(levels.size > 1 ? [t("measures.fidelity.level")] : []),
        ...raters,
        t("measures.fidelity.consensus"),
      ]}
      rowCount={review.items.length}
      empty="—"
      minWidth={480 + raters.length * 80}
    >
      {review.items.map((i) => {
        const low = i.mean !== null && i.mean <= lowThreshold;
        return (
          <Table.Tr key={i.id}>
            <Table.Td>
              <b>{i.id}</b> {i.name}
            </Table.Td>
            {levels.size > 1 && <Table.Td>{levelLabel(i.level)}</Table.Td>}
            {raters.map((r) => (
              <Table.Td key={r}>{num(i.ratings.find((x) => x.rater === r)?.rating)}</Table.Td>
            ))}
            <Table.Td fw={700}>
              {num(i.mean)}
              {low && (
                <Tag ml={6} color="red" variant="light" size="sm" tt="none">
                  {t("measures.fidelity.low")}
                </Tag>
              )}
            </Table.Td>
          </Table.Tr>
        );
      })}
    </DataTable>
  );
}
