import { Alert, Badge, Group, Stack, Table, Text } from "@mantine/core";
import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import { useFormatDateTime } from "../../app/format.ts";
import { DataTable } from "../../app/table.tsx";
import { useFormat } from "../dashboard/format.ts";
import { useIndicatorText } from "../dashboard/labels.ts";
import { BREAKDOWNS, type Breakdown } from "../dashboard/types.ts";
import { mismatchOf } from "./outcome.ts";
import type { FactCell, FactDifference, Verification } from "./types.ts";

const isBreakdown = (by: string): by is Breakdown => (BREAKDOWNS as readonly string[]).includes(by);
const SEXES = ["F", "M", "X", "U"] as const;
const isSex = (g: string): g is (typeof SEXES)[number] => (SEXES as readonly string[]).includes(g);

/** A compared cell in words: "12 / 40 · value 0.3 · size 40", or "no such cell". */
function useCellText() {
  const { t, i18n } = useTranslation();
  return useCallback(
    (cell: FactCell | null) => {
      if (cell === null) return t("facts.diff.noCell");
      const n = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 4 });
      const f = (v: number | null) => (v === null ? "—" : n.format(v));
      return t("facts.diff.cell", {
        numerator: f(cell.numerator),
        denominator: f(cell.denominator),
        value: f(cell.value),
        size: f(cell.size),
      });
    },
    [t, i18n.language],
  );
}

/**
 * The cells a verification found different, as it kept them: date, breakdown, indicator and
 * group; what the facts gave, what the recomputation gave, and which numbers differ.
 */
export function DifferencesTable({ verification }: { verification: Verification }) {
  const { t, i18n } = useTranslation();
  const when = useFormatDateTime();
  const f = useFormat();
  const { label } = useIndicatorText();
  const cellText = useCellText();
  const { missing, differences: kept } = verification.detail;
  const total = verification.differences - (missing ? 1 : 0);
  const group = (d: FactDifference) => {
    if (d.group === null) return t("dashboard.programmeRow");
    if (d.by === "sex" && isSex(d.group)) return t(`dashboard.chart.sex.${d.group}`);
    return d.group;
  };
  const caption = t("facts.diff.caption", { when: when(verification.startedAt) });
  return (
    <Stack gap="xs" p="xs">
      {missing && (
        <Alert color="orange" variant="light" py="xs">
          {t("facts.diff.missing")}
        </Alert>
      )}
      {total > kept.length && (
        <Text size="sm" c="dimmed">
          {kept.length === 0
            ? t("facts.diff.noneKept")
            : t("facts.diff.kept", {
                kept: kept.length,
                n: new Intl.NumberFormat(i18n.language).format(total),
              })}
        </Text>
      )}
      {kept.length > 0 && (
        <DataTable
          caption={caption}
          minWidth={900}
          head={[
            t("facts.diff.asOf"),
            t("facts.diff.breakdown"),
            t("facts.diff.indicator"),
            t("facts.diff.group"),
            t("facts.diff.fromFacts"),
            t("facts.diff.recomputed"),
            t("facts.diff.differsIn"),
          ]}
          rowCount={kept.length}
          empty="—"
        >
          {kept.map((d) => {
            const mismatch = mismatchOf(d);
            return (
              <Table.Tr key={`${d.asOf}|${d.by}|${d.indicator}|${d.group ?? ""}`}>
                <Table.Td style={{ whiteSpace: "nowrap" }}>{f.date(d.asOf)}</Table.Td>
                <Table.Td>{isBreakdown(d.by) ? t(`dashboard.chart.by.${d.by}`) : d.by}</Table.Td>
                <Table.Td>
                  <Text size="sm">{label({ id: d.indicator, label: d.indicator, builtIn: true })}</Text>
                  <Text size="xs" c="dimmed" ff="monospace">
                    {d.indicator}
                  </Text>
                </Table.Td>
                <Table.Td>{group(d)}</Table.Td>
                <Table.Td>
                  <Text size="sm">{cellText(d.facts)}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{cellText(d.recomputed)}</Text>
                </Table.Td>
                <Table.Td>
                  {mismatch.kind === "absent" ? (
                    <Badge variant="light" color="red" tt="none">
                      {t("facts.diff.absent")}
                    </Badge>
                  ) : (
                    <Group gap={4}>
                      {mismatch.fields.map((field) => (
                        <Badge key={field} variant="light" color="red" tt="none">
                          {t(`facts.diff.field.${field}`)}
                        </Badge>
                      ))}
                    </Group>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </DataTable>
      )}
    </Stack>
  );
}
