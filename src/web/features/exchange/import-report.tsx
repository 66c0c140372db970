import { Alert, Badge, Group, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { IconAlertTriangle, IconCircleCheck } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { DataTable } from "../../app/table.tsx";
import type { ImportJob, ImportProblem } from "./types.ts";

/** Alert titles in the text colour: the tinted colours miss 4.5:1 on their light backgrounds. */
const TITLE = { title: { color: "var(--mantine-color-text)" } };

/** What became of the import, in a word and a line: done (teal, a tick) or rejected (red, a warning). */
function Outcome({ done, title, children }: { done: boolean; title: string; children: ReactNode }) {
  const Icon = done ? IconCircleCheck : IconAlertTriangle;
  return (
    <Alert
      color={done ? "teal" : "red"}
      variant="light"
      icon={<Icon aria-hidden="true" />}
      title={title}
      styles={TITLE}
    >
      {children}
    </Alert>
  );
}

/** The report of a finished import: counts per file, or every problem grouped by file. */
export function ImportReport({ job }: { job: ImportJob }) {
  const { t, i18n } = useTranslation();
  const report = job.report;
  if (!report) return null;
  const number = new Intl.NumberFormat(i18n.language);
  const seconds = (report.elapsedMs / 1000).toFixed(1);

  if (job.status === "done") {
    const files = Object.entries(report.counts);
    const rows = files.reduce((n, [, c]) => n + c.rows, 0);
    return (
      <Stack>
        <Outcome done title={t("imports.doneTitle")}>
          {t("imports.doneDetail", { rows: number.format(rows), files: files.length, seconds })}
        </Outcome>
        <DataTable
          caption={t("imports.counts")}
          minWidth={0}
          head={(["file", "rows", "inserted", "updated", "unchanged"] as const).map((k) => t(`imports.${k}`))}
          rowCount={files.length}
          empty="—"
        >
          {files.map(([file, c]) => (
            <Table.Tr key={file}>
              <Table.Td ff="monospace">{file}</Table.Td>
              <Table.Td>{number.format(c.rows)}</Table.Td>
              <Table.Td>{number.format(c.inserted)}</Table.Td>
              <Table.Td>{number.format(c.updated)}</Table.Td>
              <Table.Td>{number.format(c.unchanged)}</Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      </Stack>
    );
  }

  const byFile = new Map<string, ImportProblem[]>();
  for (const p of report.problems) byFile.set(p.file, [...(byFile.get(p.file) ?? []), p]);
  return (
    <Stack>
      <Outcome done={false} title={t("imports.rejectedTitle")}>
        {t("imports.rejectedDetail", { count: report.totalProblems, files: byFile.size })}
        {report.totalProblems > report.problems.length &&
          ` ${t("imports.firstShown", { shown: number.format(report.problems.length) })}`}
      </Outcome>
      {[...byFile].map(([file, problems]) => (
        <Paper key={file} withBorder p="md" component="section" aria-labelledby={`problems-${file}`}>
          <Stack gap="xs">
            <Group gap="xs">
              <Title order={3} size="h5" ff="monospace" id={`problems-${file}`}>
                {file}
              </Title>
              <Badge color="red" variant="light">
                {t("imports.problemCount", { count: problems.length })}
              </Badge>
            </Group>
            <DataTable
              caption={t("imports.problemsOf", { file })}
              minWidth={0}
              head={[t("imports.line"), t("imports.column"), t("imports.message")]}
              rowCount={problems.length}
              empty="—"
            >
              {problems.map((p, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: one line may have several problems in the same column
                <Table.Tr key={`${p.line}-${p.column}-${i}`} title={p.text}>
                  <Table.Td>{p.line}</Table.Td>
                  <Table.Td ff="monospace">{p.column}</Table.Td>
                  <Table.Td>{p.message}</Table.Td>
                </Table.Tr>
              ))}
            </DataTable>
          </Stack>
        </Paper>
      ))}
      <Text size="xs" c="dimmed">
        {t("imports.nothingWritten")}
      </Text>
    </Stack>
  );
}
