import { Alert, Button, FileInput, Group, List, Paper, Stack, Text, TextInput, Title } from "@mantine/core";
import { IconUpload } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, del, get, put } from "../../app/api.ts";
import { useDescribeError } from "../../app/errors.ts";
import { useDescribeIssue } from "../../app/form-errors.ts";
import { useWrite } from "../../app/mutations.ts";
import type { Region } from "../../app/types.ts";
import { notifySaved } from "../../app/ui/notify.ts";

interface BoundariesView {
  boundaries: {
    property: string;
    features: number;
    areas: string[];
    version: number;
    updatedBy: string | null;
    updatedAt: string;
  } | null;
  canUpload: boolean;
}

const key = (regionId: number) => ["structure", "boundaries", regionId] as const;

/**
 * The region's area boundaries for the report's map (issue 12): what is uploaded, and for
 * administrators and the region's coordinators an upload of a GeoJSON file (checked whole by the
 * server: every problem it names is listed, and nothing is stored) and its removal.
 */
export function BoundariesCard({ region }: { region: Region }) {
  const { t } = useTranslation();
  const describe = useDescribeError();
  const describeIssue = useDescribeIssue();
  const current = useQuery({
    queryKey: key(region.id),
    queryFn: () => get<BoundariesView>(`/api/regions/${region.id}/boundaries`),
  });
  const upload = useWrite(
    (v: { property: string; file: string }) => put<BoundariesView>(`/api/regions/${region.id}/boundaries`, v),
    [key(region.id)],
  );
  const remove = useWrite(
    () => del<BoundariesView>(`/api/regions/${region.id}/boundaries`),
    [key(region.id)],
  );
  const [file, setFile] = useState<File | null>(null);
  const [property, setProperty] = useState("code");
  const [problems, setProblems] = useState<string[]>([]);

  const submit = async () => {
    if (!file) return;
    setProblems([]);
    const text = await file.text();
    upload.mutate(
      { property, file: text },
      {
        onSuccess: (v) => {
          setFile(null);
          notifySaved(t("structure.boundaries.uploaded", { count: v.boundaries?.features ?? 0 }));
        },
        onError: (err) =>
          setProblems(
            err instanceof ApiError && err.issues.length
              ? err.issues.map(
                  (i) =>
                    `${i.field.replace(/^body\.file\.?/, "") || t("structure.boundaries.file")}: ${describeIssue(i, i.field, true)}`,
                )
              : [describe(err)],
          ),
      },
    );
  };

  const b = current.data?.boundaries;
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="xs">
        {t("structure.boundaries.title", { region: region.name })}
      </Title>
      <Text size="sm" mb="sm">
        {b
          ? t("structure.boundaries.current", {
              count: b.features,
              areas: b.areas.join(", "),
              property: b.property,
              user: b.updatedBy ?? "—",
              version: b.version,
            })
          : t("structure.boundaries.none")}
      </Text>
      {current.data?.canUpload && (
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t("structure.boundaries.hint")}
          </Text>
          <Group align="flex-end">
            <FileInput
              label={t("structure.boundaries.file")}
              placeholder={t("structure.boundaries.choose")}
              accept=".geojson,.json,application/geo+json,application/json"
              value={file}
              onChange={(f) => {
                setFile(f);
                setProblems([]);
              }}
              w={320}
            />
            <TextInput
              label={t("structure.boundaries.property")}
              value={property}
              onChange={(e) => setProperty(e.currentTarget.value)}
              w={160}
            />
            <Button
              leftSection={<IconUpload size={16} aria-hidden="true" />}
              disabled={!file}
              loading={upload.isPending}
              onClick={() => void submit()}
            >
              {t("structure.boundaries.upload")}
            </Button>
            {b && (
              <Button
                variant="default"
                color="red"
                loading={remove.isPending}
                onClick={() => remove.mutate(undefined)}
              >
                {t("structure.boundaries.remove")}
              </Button>
            )}
          </Group>
          {problems.length > 0 && (
            <Alert color="red" role="alert" title={t("structure.boundaries.refused")}>
              <List size="sm">
                {problems.map((p) => (
                  <List.Item key={p}>{p}</List.Item>
                ))}
              </List>
            </Alert>
          )}
        </Stack>
      )}
    </Paper>
  );
}
