import { Paper, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { canImport } from "../../app/data/registry-access.ts";
import { NoAccess } from "../../app/guards.tsx";
import { ErrorAlert, Loading, Page } from "../../app/page.tsx";
import { useCurrentUser } from "../../app/session.ts";
import { useImportJob } from "./api.ts";
import { ExportSection } from "./export-section.tsx";
import { FhirExportSection } from "./fhir-export-section.tsx";
import { ImportProgress } from "./import-progress.tsx";
import { ImportReport } from "./import-report.tsx";
import { UploadForm } from "./upload-form.tsx";

/**
 * Import an extract of the regional information system (the exchange format) from the web app:
 * upload the CSV files or a zip, follow the job, read its report. All or nothing: a rejected
 * import wrote nothing. Coordinators also export their programmes here.
 */
export function ImportPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const jobId = params.get("job");
  const job = useImportJob(jobId);
  if (!canImport(me)) return <NoAccess />;
  return (
    <Page title={t("imports.title")} subtitle={t("imports.subtitle")}>
      <Paper withBorder p="md" component="section" aria-labelledby="upload-title">
        <Stack>
          <div>
            <Title order={2} size="h4" id="upload-title">
              {t("imports.uploadTitle")}
            </Title>
            <Text size="sm" c="dimmed">
              {t("imports.uploadHint")}
            </Text>
          </div>
          <UploadForm onStarted={(j) => setParams({ job: j.id })} />
        </Stack>
      </Paper>
      {jobId && (
        <Paper withBorder p="md" component="section" aria-labelledby="job-title">
          <Stack>
            <Title order={2} size="h4" id="job-title">
              {t("imports.jobTitle")}
            </Title>
            {job.isPending ? (
              <Loading />
            ) : job.error || !job.data ? (
              <ErrorAlert error={job.error} />
            ) : (
              <>
                <Text size="sm" c="dimmed">
                  {t("imports.jobFiles", { files: job.data.files.map((f) => f.name).join(", ") })}
                </Text>
                <ImportProgress job={job.data} />
                <ImportReport job={job.data} />
              </>
            )}
          </Stack>
        </Paper>
      )}
      <ExportSection />
      <FhirExportSection />
    </Page>
  );
}
