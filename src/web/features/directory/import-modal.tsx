import { Alert, Button, FileInput, Group, List, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../app/page.tsx";
import { AppModal } from "../../app/ui/app-modal.tsx";
import { type ImportResult, useImportServices } from "./api.ts";

/** Import one CSV file of services; a rejected file shows every problem as `file:line: column: message`. */
export function ImportModal({ regionId, onClose }: { regionId: number; onClose: () => void }) {
  const { t } = useTranslation();
  const run = useImportServices();
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const start = async () => {
    if (!file) return;
    setResult(null);
    const csv = await file.text();
    run.mutate({ regionId, fileName: file.name, csv }, { onSuccess: setResult });
  };
  return (
    <AppModal onClose={onClose} size="lg" title={t("directory.importTitle")}>
      <Stack>
        <Text size="sm">{t("directory.importHint")}</Text>
        <FileInput
          label={t("directory.file")}
          placeholder={t("directory.chooseFile")}
          accept=".csv,text/csv"
          value={file}
          onChange={setFile}
        />
        {run.error && <ErrorAlert error={run.error} />}
        {result?.status === "done" && (
          <Alert color="green" role="status">
            {t("directory.importDone", result)}
          </Alert>
        )}
        {result?.status === "rejected" && (
          <Alert
            color="red"
            role="alert"
            title={t("directory.importRejected", { count: result.problems.length })}
          >
            <Text size="sm" fw={600} mb={4}>
              {t("directory.problems")}
            </Text>
            <List size="sm" data-testid="import-problems">
              {result.problems.map((p) => (
                <List.Item key={`${p.line}-${p.column}-${p.message}`}>
                  <code>{`${p.file}:${p.line}: ${p.column}: ${p.message}`}</code>
                </List.Item>
              ))}
            </List>
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("common.close")}
          </Button>
          <Button onClick={start} disabled={!file} loading={run.isPending}>
            {t("directory.importStart")}
          </Button>
        </Group>
      </Stack>
    </AppModal>
  );
}
