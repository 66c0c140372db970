import { Button, Checkbox, FileInput, Group, Stack, Text } from "@mantine/core";
import { IconFileZip, IconUpload } from "@tabler/icons-react";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useDescribeError } from "../../app/errors.ts";
import { FormError } from "../../app/form-modal.tsx";
import { useCurrentUser } from "../../app/session.ts";
import { useStartImport } from "./api.ts";
import type { ImportJob } from "./types.ts";

/** Choose the CSV files of an extract (or one zip of them) and start the import. */
export function UploadForm({ onStarted }: { onStarted: (job: ImportJob) => void }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const start = useStartImport();
  const describe = useDescribeError();
  const [files, setFiles] = useState<File[]>([]);
  const [ignoreUnknown, setIgnoreUnknown] = useState(false);
  const [createProgrammes, setCreateProgrammes] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    if (files.length === 0) {
      setProblem(t("imports.chooseFiles"));
      return;
    }
    start.mutate(
      { files, ignoreUnknownColumns: ignoreUnknown, createProgrammes: me.isAdmin && createProgrammes },
      {
        onSuccess: (job) => {
          setFiles([]);
          onStarted(job);
        },
        onError: (err) => setProblem(describe(err)),
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <FormError message={problem} />
        <FileInput
          label={t("imports.files")}
          description={t("imports.filesHint")}
          placeholder={t("imports.choose")}
          styles={{ placeholder: { color: "var(--mantine-color-dimmed)" } }}
          multiple
          clearable
          accept=".csv,.zip,text/csv,application/zip"
          leftSection={<IconFileZip size={16} aria-hidden="true" />}
          value={files}
          onChange={setFiles}
          clearButtonProps={{ "aria-label": t("common.clearNamed", { name: t("imports.files") }) }}
        />
        {files.length > 0 && (
          <Text size="sm" c="dimmed">
            {t("imports.chosen", { count: files.length, names: files.map((f) => f.name).join(", ") })}
          </Text>
        )}
        <Checkbox
          label={t("imports.ignoreUnknownColumns")}
          checked={ignoreUnknown}
          onChange={(e) => setIgnoreUnknown(e.currentTarget.checked)}
        />
        {me.isAdmin && (
          <Checkbox
            label={t("imports.createProgrammes")}
            description={t("imports.createProgrammesHint")}
            checked={createProgrammes}
            onChange={(e) => setCreateProgrammes(e.currentTarget.checked)}
          />
        )}
        <Group>
          <Button
            type="submit"
            loading={start.isPending}
            leftSection={<IconUpload size={16} aria-hidden="true" />}
          >
            {t("imports.start")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
