import { Badge, Group, Progress, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { ImportJob, ImportStatus } from "./types.ts";

const COLOR: Record<ImportStatus, string> = {
  queued: "gray",
  validating: "indigo",
  writing: "indigo",
  done: "teal",
  rejected: "red",
};

/** Where a job stands: its status and how much of the upload was read. */
export function ImportProgress({ job }: { job: ImportJob }) {
  const { t, i18n } = useTranslation();
  const { bytesRead, totalBytes, rowsRead, file } = job.progress;
  const percent =
    job.status === "done" || job.status === "rejected"
      ? 100
      : totalBytes > 0
        ? (bytesRead / totalBytes) * 100
        : 0;
  const number = new Intl.NumberFormat(i18n.language);
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Group gap="xs">
          <Text size="sm" fw={600}>
            {t("imports.progress")}
          </Text>
          <Badge color={COLOR[job.status]} variant="light" data-status={job.status}>
            {t(`imports.status.${job.status}`)}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed">
          {Math.round(percent)} %
        </Text>
      </Group>
      <Progress.Root size="lg">
        <Progress.Section
          value={percent}
          color={COLOR[job.status]}
          animated={job.status === "validating" || job.status === "writing"}
          aria-label={t("imports.progressOf", { status: t(`imports.status.${job.status}`) })}
        />
      </Progress.Root>
      <Text size="xs" c="dimmed" aria-live="polite">
        {file
          ? t("imports.reading", { file, rows: number.format(rowsRead) })
          : t("imports.rowsRead", { rows: number.format(rowsRead) })}
      </Text>
    </Stack>
  );
}
