import { Button, Group, Paper, Select, Stack, Table, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { SELF_ASSESSMENT_LEVELS } from "../../../shared/protocols.ts";
import { DateField } from "../../app/date-field.tsx";
import { useDescribeError } from "../../app/errors.ts";
import { Page, QueryView } from "../../app/page.tsx";
import { DataTable } from "../../app/table.tsx";
import { todayIso } from "../../app/today.ts";
import { GrowingTextarea } from "../../app/ui/note-field.tsx";
import { type Assessments, type Protocol, useAssessments, useProtocol, useRecordAssessment } from "./api.ts";

/** A site's self-assessment against a protocol's dimensions: a new one, and the history. */
export function AssessmentPage() {
  const params = useParams();
  const id = Number(params.id);
  const siteId = Number(params.siteId);
  const protocol = useProtocol(id);
  const assessments = useAssessments(id, siteId);
  const { t } = useTranslation();
  return (
    <QueryView query={protocol}>
      {(p) => (
        <QueryView query={assessments}>
          {(a) => (
            <Page
              title={t("protocols.assessmentTitle", { site: `${a.siteCode} · ${a.siteName}` })}
              subtitle={t("protocols.assessmentSubtitle", { protocol: p.content.title })}
              crumbs={[
                { label: t("protocols.title"), to: "/protocols" },
                { label: p.content.title, to: `/protocols/${p.id}` },
                { label: t("protocols.assessment") },
              ]}
            >
              <AssessmentForm protocol={p} assessments={a} />
              <History protocol={p} assessments={a} />
            </Page>
          )}
        </QueryView>
      )}
    </QueryView>
  );
}

function AssessmentForm({ protocol: p, assessments: a }: { protocol: Protocol; assessments: Assessments }) {
  const { t } = useTranslation();
  const describe = useDescribeError();
  const record = useRecordAssessment(p.id, a.siteId);
  const last = a.history[0];
  const [assessedOn, setAssessedOn] = useState<string | null>(todayIso());
  const [levels, setLevels] = useState(() =>
    p.content.dimensions.map((d) => {
      const before = last?.levels.find((l) => l.dimensionId === d.id);
      return { dimensionId: d.id, level: before?.level ?? 0, note: before?.note ?? "" };
    }),
  );
  const levelOptions = SELF_ASSESSMENT_LEVELS.map((l) => ({
    value: String(l),
    label: t(`protocols.levels.${l}`),
  }));
  return (
    <Paper
      withBorder
      p="md"
      component="form"
      onSubmit={(e) => {
        e.preventDefault();
        record.mutate(
          { assessedOn: assessedOn ?? "", levels },
          { onSuccess: () => notifications.show({ message: t("protocols.recorded"), color: "green" }) },
        );
      }}
    >
      <Stack>
        <DateField
          label={t("protocols.assessedOn")}
          value={assessedOn}
          onChange={setAssessedOn}
          required
          maw={240}
        />
        {p.content.dimensions.map((d, i) => (
          <Group key={d.id} align="flex-start" wrap="wrap" data-testid="assessment-dimension">
            <Text fw={500} style={{ flex: "1 1 220px" }} id={`dim-label-${i}`}>
              {d.title}
            </Text>
            <Select
              label={t("protocols.level")}
              aria-label={`${t("protocols.level")} · ${d.title}`}
              data={levelOptions}
              value={String(levels[i]!.level)}
              onChange={(v) =>
                v !== null && setLevels(levels.map((l, j) => (j === i ? { ...l, level: Number(v) } : l)))
              }
              allowDeselect={false}
              w={200}
            />
            <GrowingTextarea
              label={t("protocols.note")}
              aria-label={`${t("protocols.note")} · ${d.title}`}
              minRows={1}
              value={levels[i]!.note}
              onChange={(v) => {
                setLevels(levels.map((l, j) => (j === i ? { ...l, note: v } : l)));
              }}
              style={{ flex: "2 1 260px" }}
            />
          </Group>
        ))}
        {record.error && (
          <Text c="red.8" role="alert">
            {describe(record.error)}
          </Text>
        )}
        <Group>
          <Button type="submit" loading={record.isPending}>
            {t("protocols.record")}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function History({ protocol: p, assessments: a }: { protocol: Protocol; assessments: Assessments }) {
  const { t } = useTranslation();
  const titles = new Map(p.content.dimensions.map((d) => [d.id, d.title]));
  return (
    <Stack gap="xs">
      <Title order={2} size="h4">
        {t("protocols.history")}
      </Title>
      <DataTable
        caption={t("protocols.historyCaption")}
        empty={t("protocols.historyEmpty")}
        rowCount={a.history.length}
        head={[t("protocols.assessedOn"), t("protocols.mean"), t("protocols.below"), t("protocols.by")]}
      >
        {a.history.map((h) => {
          const counted = h.levels.filter((l) => titles.has(l.dimensionId));
          const mean = counted.length ? counted.reduce((s, l) => s + l.level, 0) / counted.length : 0;
          const below = counted.filter((l) => l.level < 2).map((l) => titles.get(l.dimensionId));
          return (
            <Table.Tr key={h.id} data-testid="assessment-row">
              <Table.Td>{h.assessedOn}</Table.Td>
              <Table.Td>{mean.toFixed(1)}</Table.Td>
              <Table.Td>{below.length ? below.join("; ") : t("protocols.none")}</Table.Td>
              <Table.Td>{h.author}</Table.Td>
            </Table.Tr>
          );
        })}
      </DataTable>
    </Stack>
  );
}
