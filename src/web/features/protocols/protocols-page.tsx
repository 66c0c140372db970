import {
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  Radio,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconPlus, IconSearch } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { useDescribeError } from "../../app/errors.ts";
import { Page, QueryView } from "../../app/page.tsx";
import { DataTable } from "../../app/table.tsx";
import {
  type Region,
  useCreateProtocol,
  useProtocolRegions,
  useProtocols,
  useSearch,
  useTemplates,
} from "./api.ts";
import { dimensionPath } from "./paths.ts";

/** The protocols of the user's regions, the search over them, and a new protocol for coordinators. */
export function ProtocolsPage() {
  const { t } = useTranslation();
  const protocols = useProtocols();
  const regions = useProtocolRegions();
  const [creating, setCreating] = useState(false);
  const editable = (regions.data ?? []).filter((r) => r.canEdit);
  return (
    <Page
      title={t("protocols.title")}
      subtitle={t("protocols.subtitle")}
      actions={
        editable.length > 0 && !creating ? (
          <Button leftSection={<IconPlus size={16} aria-hidden="true" />} onClick={() => setCreating(true)}>
            {t("protocols.create")}
          </Button>
        ) : null
      }
    >
      {creating && <CreateForm regions={editable} onClose={() => setCreating(false)} />}
      <SearchBox />
      <QueryView query={protocols}>
        {(list) => (
          <DataTable
            caption={t("protocols.caption")}
            empty={t("protocols.empty")}
            rowCount={list.length}
            head={[
              t("protocols.protocolTitle"),
              t("protocols.region"),
              t("protocols.language"),
              t("protocols.dimensions"),
            ]}
          >
            {list.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/protocols/${p.id}`}>
                    {p.title}
                  </Anchor>
                </Table.Td>
                <Table.Td>{p.regionName}</Table.Td>
                <Table.Td>{t(`protocols.languages.${p.language}`)}</Table.Td>
                <Table.Td>{p.dimensions}</Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
        )}
      </QueryView>
    </Page>
  );
}

function SearchBox() {
  const { t } = useTranslation();
  const [q, setQ] = useState("");
  const [submitted, setSubmitted] = useState("");
  const search = useSearch(submitted);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="protocol-search-title">
      <Title order={2} size="h4" id="protocol-search-title" mb="xs">
        {t("protocols.search")}
      </Title>
      <form
        aria-label={t("protocols.search")}
        onSubmit={(e) => {
          e.preventDefault();
          setSubmitted(q);
        }}
      >
        <Group align="flex-end">
          <TextInput
            label={t("protocols.search")}
            placeholder={t("protocols.searchPlaceholder")}
            description={t("protocols.searchHint")}
            value={q}
            onChange={(e) => setQ(e.currentTarget.value)}
            style={{ flex: 1 }}
            type="search"
          />
          <Button
            type="submit"
            leftSection={<IconSearch size={16} aria-hidden="true" />}
            disabled={q.trim().length < 2}
          >
            {t("protocols.search")}
          </Button>
        </Group>
      </form>
      {submitted.trim().length >= 2 && (
        <QueryView query={search}>
          {(res) =>
            res.hits.length === 0 ? (
              <Text mt="sm">{t("protocols.noHits", { q: res.query })}</Text>
            ) : (
              <Stack
                gap="xs"
                mt="sm"
                component="ol"
                aria-label={t("protocols.hitsCaption")}
                style={{ listStyle: "none", padding: 0 }}
              >
                {res.hits.map((h, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: hits are ranked, their order is their identity
                  <li key={i} data-testid="search-hit">
                    <Group gap="xs">
                      <Badge variant="light" c="dark.7" tt="none">
                        {t(`protocols.kind.${h.kind}`)}
                      </Badge>
                      <Anchor
                        component={Link}
                        to={
                          h.dimensionId
                            ? dimensionPath(h.protocolId, h.dimensionId)
                            : `/protocols/${h.protocolId}`
                        }
                        fw={500}
                      >
                        {h.title}
                      </Anchor>
                      <Text size="sm" c="dimmed">
                        {h.dimensionTitle
                          ? `${t("protocols.inDimension", { dimension: h.dimensionTitle })} · `
                          : ""}
                        {h.protocolTitle}
                      </Text>
                    </Group>
                    <Snippet text={h.snippet} />
                  </li>
                ))}
              </Stack>
            )
          }
        </QueryView>
      )}
    </Paper>
  );
}

/** The server marks matched words between « and »: shown in bold, never as HTML. */
function Snippet({ text }: { text: string }) {
  const parts = text.split(/«|»/);
  return (
    <Text size="sm">
      {parts.map((p, i) =>
        // biome-ignore lint/suspicious/noArrayIndexKey: fixed pieces of one string
        i % 2 === 1 ? <mark key={i}>{p}</mark> : <span key={i}>{p}</span>,
      )}
    </Text>
  );
}

function CreateForm({ regions, onClose }: { regions: Region[]; onClose: () => void }) {
  const { t } = useTranslation();
  const describe = useDescribeError();
  const navigate = useNavigate();
  const templates = useTemplates();
  const create = useCreateProtocol();
  const [regionId, setRegionId] = useState(String(regions[0]?.id ?? ""));
  const [language, setLanguage] = useState<"en" | "it">("en");
  const [start, setStart] = useState<"template" | "empty">("template");
  const [title, setTitle] = useState("");
  const template = templates.data?.find((x) => x.language === language);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="protocol-create-title">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate(
            {
              regionId: Number(regionId),
              language,
              template: start === "template" ? "mhsu" : null,
              content: start === "empty" ? { title, summary: "", dimensions: [] } : null,
            },
            {
              onSuccess: (p) => {
                notifications.show({ message: t("protocols.created"), color: "green" });
                navigate(`/protocols/${p.id}`);
              },
            },
          );
        }}
      >
        <Stack>
          <Title order={2} size="h4" id="protocol-create-title">
            {t("protocols.createTitle")}
          </Title>
          <Select
            label={t("protocols.region")}
            data={regions.map((r) => ({ value: String(r.id), label: r.name }))}
            value={regionId}
            onChange={(v) => v && setRegionId(v)}
            allowDeselect={false}
          />
          <Radio.Group
            label={t("protocols.language")}
            value={language}
            onChange={(v) => setLanguage(v as "en" | "it")}
          >
            <Group mt="xs">
              <Radio value="en" label={t("protocols.languages.en")} />
              <Radio value="it" label={t("protocols.languages.it")} />
            </Group>
          </Radio.Group>
          <Radio.Group
            label={t("protocols.start")}
            value={start}
            onChange={(v) => setStart(v as "template" | "empty")}
          >
            <Stack mt="xs" gap="xs">
              <Radio
                value="template"
                label={t("protocols.startTemplate", { count: template?.dimensions.length ?? 0 })}
              />
              <Radio value="empty" label={t("protocols.startEmpty")} />
            </Stack>
          </Radio.Group>
          {start === "empty" && (
            <TextInput
              label={t("protocols.protocolTitle")}
              required
              value={title}
              onChange={(e) => setTitle(e.currentTarget.value)}
            />
          )}
          {create.error && (
            <Text c="red.8" role="alert">
              {describe(create.error)}
            </Text>
          )}
          <Group>
            <Button type="submit" loading={create.isPending}>
              {t("protocols.create")}
            </Button>
            <Button variant="default" onClick={onClose}>
              {t("protocols.cancel")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
