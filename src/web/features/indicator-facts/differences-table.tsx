import { Alert, Badge, Stack, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useFormatDateTime } from "../../app/format.ts";
import { DataTable } from "../../app/table.tsx";
import { BREAKDOWNS, type Breakdown, useFormat, useIndicatorText } from "../indicators/public.ts";
import { CELL_FIELDS, type CellField, mismatchOf } from "./outcome.ts";
import type { FactCell, FactDifference, Verification } from "./types.ts";

/** The columns, as keys under `facts.diff`. */
const DIFF_HEADS = [
  "asOf",
  "breakdown",
  "indicator",
  "group",
  "differsIn",
  "fromFacts",
  "recomputed",
] as const;

const isBreakdown = (by: string): by is Breakdown => (BREAKDOWNS as readonly string[]).includes(by);
const SEXES = ["F", "M", "X", "U"] as const;
const isSex = (g: string): g is (typeof SEXES)[number] => (SEXES as readonly string[]).includes(g);

/**
 * One side of a difference, one line per field: the differing fields when both sides have the
 * cell (aligned with the "Differs in" column), every non-empty field when only this side has it.
 */
function SideLines({ cell, fields }: { cell: FactCell | null; fields: readonly CellField[] }) {
  const { t, i18n } = useTranslation();
  if (cell === null) {
    return (
      <Text size="sm" c="dimmed" fs="italic">
        {t("facts.diff.noCell")}
      </Text>
    );
  }
  const n = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 4 });
  return (
    <Stack gap={2}>
      {fields.map((field) => (
        <Text key={field} size="sm" style={{ whiteSpace: "nowrap" }}>
          <Text span size="xs" c="dimmed">
            {t(`facts.diff.field.${field}`)}
          </Text>{" "}
          {cell[field] === null ? "—" : n.format(cell[field])}
        </Text>
      ))}
    </Stack>
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
          head={DIFF_HEADS.map((k) => t(`facts.diff.${k}`))}
          rowCount={kept.length}
          empty="—"
        >
          {kept.map((d) => {
            const mismatch = mismatchOf(d);
            const present = d.facts ?? d.recomputed;
            const fields =
              mismatch.kind === "fields"
                ? mismatch.fields
                : CELL_FIELDS.filter((field) => present !== null && present[field] !== null);
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
                  {mismatch.kind === "absent" ? (
                    <Badge variant="light" color="red" tt="none">
                      {t("facts.diff.absent")}
                    </Badge>
                  ) : (
                    <Stack gap={2}>
                      {mismatch.fields.map((field) => (
                        <Text key={field} size="sm" fw={600} c="red.9">
                          {t(`facts.diff.field.${field}`)}
                        </Text>
                      ))}
                    </Stack>
                  )}
                </Table.Td>
                <Table.Td>
                  <SideLines cell={d.facts} fields={fields} />
                </Table.Td>
                <Table.Td>
                  <SideLines cell={d.recomputed} fields={fields} />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </DataTable>
      )}
    </Stack>
  );
}
