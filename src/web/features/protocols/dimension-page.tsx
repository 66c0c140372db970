import {
  Anchor,
  Badge,
  Button,
  FileInput,
  Group,
  List,
  Paper,
  Stack,
  Table,
  Text,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconDownload, IconTrash, IconUpload } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { useDescribeError } from "../../app/errors.ts";
import { useDescribeIssue } from "../../app/form-errors.ts";
import { Page, QueryView } from "../../app/page.tsx";
import { DataTable } from "../../app/table.tsx";
import {
  type Dimension,
  type Protocol,
  useDeleteTool,
  useDimensionLinks,
  useProtocol,
  useUploadTool,
} from "./api.ts";

/** One dimension: what is expected, what it might look like, case studies, tools, and the planning items that address it. */
export function DimensionPage() {
  const params = useParams();
  const id = Number(params.id);
  const dimensionId = params.dimensionId ?? "";
  const protocol = useProtocol(id);
  const { t } = useTranslation();
  return (
    <QueryView query={protocol}>
      {(p) => {
        const d = p.content.dimensions.find((x) => x.id === dimensionId);
        if (!d) return <Text>{t("errors.notFound")}</Text>;
        return (
          <Page
            title={d.title}
            crumbs={[
              { label: t("protocols.title"), to: "/protocols" },
              { label: p.content.title, to: `/protocols/${p.id}` },
              { label: d.title },
            ]}
          >
            <DimensionBody protocol={p} dimension={d} />
          </Page>
        );
      }}
    </QueryView>
  );
}

function Section({ title, id, children }: { title: string; id: string; children: React.ReactNode }) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id}>
      <Title order={2} size="h4" id={id} mb="xs">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

function DimensionBody({ protocol: p, dimension: d }: { protocol: Protocol; dimension: Dimension }) {
  const { t } = useTranslation();
  const tools = p.tools.filter((x) => x.dimensionId === d.id);
  return (
    <Stack>
      <Section title={t("protocols.expected")} id="dim-expected">
        <Text style={{ whiteSpace: "pre-wrap" }}>{d.expected}</Text>
      </Section>
      <Section title={t("protocols.examples")} id="dim-examples">
        {d.examples.length ? (
          <List spacing="xs">
            {d.examples.map((e) => (
              <List.Item key={e}>{e}</List.Item>
            ))}
          </List>
        ) : (
          <Text c="dimmed">{t("protocols.noExamples")}</Text>
        )}
      </Section>
      <Section title={t("protocols.caseStudies")} id="dim-cases">
        {d.caseStudies.length ? (
          <Stack>
            {d.caseStudies.map((c) => (
              <article key={c.id} aria-labelledby={`case-${c.id}`}>
                <Title order={3} size="h5" id={`case-${c.id}`}>
                  {c.title}
                </Title>
                <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
                  {c.text}
                </Text>
              </article>
            ))}
          </Stack>
        ) : (
          <Text c="dimmed">{t("protocols.noCaseStudies")}</Text>
        )}
      </Section>
      <Section title={t("protocols.tools")} id="dim-tools">
        <ToolTable protocol={p} tools={tools} />
        {p.canEdit && <UploadTool protocolId={p.id} dimensionId={d.id} />}
      </Section>
      <Section title={t("protocols.addressedBy")} id="dim-links">
        <Addressed protocolId={p.id} dimensionId={d.id} />
      </Section>
      <Group>
        <Anchor component={Link} to={`/protocols/${p.id}`}>
          {t("protocols.back")}
        </Anchor>
      </Group>
    </Stack>
  );
}

const kb = (n: number) =>
  n < 1024 * 1024 ? `${Math.max(1, Math.round(n / 1024))} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`;

function ToolTable({ protocol: p, tools }: { protocol: Protocol; tools: Protocol["tools"] }) {
  const { t } = useTranslation();
  const remove = useDeleteTool();
  return (
    <DataTable
      caption={t("protocols.toolsCaption")}
      empty={t("protocols.noTools")}
      rowCount={tools.length}
      head={[t("protocols.file"), t("protocols.size"), t("protocols.uploadedBy"), ""]}
    >
      {tools.map((x) => (
        <Table.Tr key={x.id} data-testid="tool-row">
          <Table.Td>
            <Anchor
              href={`/api/protocols/tools/${x.id}/download`}
              download={x.fileName}
              aria-label={t("protocols.download", { name: x.fileName })}
            >
              <Group gap={4} component="span">
                <IconDownload size={14} aria-hidden="true" />
                {x.fileName}
              </Group>
            </Anchor>
          </Table.Td>
          <Table.Td>{kb(x.sizeBytes)}</Table.Td>
          <Table.Td>{x.uploadedBy}</Table.Td>
          <Table.Td>
            {p.canEdit && (
              <Button
                size="compact-sm"
                variant="subtle"
                color="red"
                c="red.9"
                aria-label={t("protocols.remove", { name: x.fileName })}
                onClick={() =>
                  remove.mutate(x.id, {
                    onSuccess: () => notifications.show({ message: t("protocols.removed"), color: "green" }),
                  })
                }
              >
                <IconTrash size={14} aria-hidden="true" />
              </Button>
            )}
          </Table.Td>
        </Table.Tr>
      ))}
    </DataTable>
  );
}

function UploadTool({ protocolId, dimensionId }: { protocolId: number; dimensionId: string }) {
  const { t } = useTranslation();
  const describe = useDescribeError();
  const describeIssue = useDescribeIssue({ labels: { file: t("protocols.file") } });
  const upload = useUploadTool(protocolId, dimensionId);
  const [file, setFile] = useState<File | null>(null);
  const issue =
    upload.error && "issues" in upload.error
      ? (upload.error.issues as Array<{ field: string; rule: string; message: string }>)[0]
      : undefined;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (!file) return;
        upload.mutate(file, {
          onSuccess: () => {
            notifications.show({ message: t("protocols.uploaded"), color: "green" });
            setFile(null);
          },
        });
      }}
    >
      <Group align="flex-end" mt="md">
        <FileInput
          label={t("protocols.upload")}
          description={t("protocols.uploadHint")}
          placeholder={t("protocols.chooseFile")}
          value={file}
          onChange={(f) => {
            setFile(f);
            upload.reset();
          }}
          accept=".pdf,.docx,.xlsx,.pptx,.odt,.png,.jpg,.jpeg,.csv"
          error={upload.error ? (issue ? describeIssue(issue) : describe(upload.error)) : undefined}
          style={{ flex: 1 }}
        />
        <Button
          type="submit"
          disabled={!file}
          loading={upload.isPending}
          leftSection={<IconUpload size={16} aria-hidden="true" />}
        >
          {t("protocols.uploadButton")}
        </Button>
      </Group>
    </form>
  );
}

function Addressed({ protocolId, dimensionId }: { protocolId: number; dimensionId: string }) {
  const { t } = useTranslation();
  const links = useDimensionLinks(protocolId, dimensionId);
  return (
    <QueryView query={links}>
      {(list) => (
        <DataTable
          caption={t("protocols.addressedCaption")}
          empty={t("protocols.addressedEmpty")}
          rowCount={list.length}
          head={[t("protocols.site"), t("protocols.item"), ""]}
        >
          {list.map((l) => (
            <Table.Tr
              key={`${l.programmeId}-${l.siteId}-${l.itemKind}-${l.itemId}`}
              data-testid="addressed-row"
            >
              <Table.Td>{l.siteCode ?? t("protocols.regionLevel")}</Table.Td>
              <Table.Td>
                {l.itemText ?? (
                  <Text c="dimmed" span>
                    {t("protocols.itemGone")}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Badge variant="light" c="dark.7" tt="none">
                  {t(`protocols.itemKind.${l.itemKind}`)}
                </Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      )}
    </QueryView>
  );
}
