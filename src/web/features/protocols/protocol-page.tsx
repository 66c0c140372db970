import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { IconPencil, IconPlus } from "@tabler/icons-react";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { get } from "../../app/api.ts";
import { useFormatDateTime } from "../../app/format.ts";
import { Page, QueryView } from "../../app/page.tsx";
import { useCurrentUser } from "../../app/session.ts";
import { AddButton, RemoveButton } from "../../app/ui/list-buttons.tsx";
import { GrowingTextarea } from "../../app/ui/note-field.tsx";
import { StaleAlert } from "../../app/ui/stale-alert.tsx";
import { useVersionedDraft } from "../../app/ui/use-versioned-draft.tsx";
import { type Protocol, type ProtocolContent, protocolKeys, useProtocol, useSaveProtocol } from "./api.ts";
import { assessmentPath, dimensionPath } from "./paths.ts";

/** A protocol: its dimensions as cards; coordinators edit it as a whole (a new version each save). */
export function ProtocolPage() {
  const id = Number(useParams().id);
  const protocol = useProtocol(id);
  const { t } = useTranslation();
  return (
    <QueryView query={protocol}>
      {(p) => (
        <Page
          title={p.content.title}
          subtitle={p.content.summary || undefined}
          crumbs={[{ label: t("protocols.title"), to: "/protocols" }, { label: p.content.title }]}
        >
          <ProtocolBody protocol={p} />
        </Page>
      )}
    </QueryView>
  );
}

function ProtocolBody({ protocol: p }: { protocol: Protocol }) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  const [editing, setEditing] = useState(false);
  return (
    <Stack>
      <Group justify="space-between">
        <Group gap="xs">
          <Badge variant="light" c="dark.7" tt="none">
            {p.regionName}
          </Badge>
          <Badge variant="light" c="dark.7" tt="none">
            {t(`protocols.languages.${p.language}`)}
          </Badge>
          <Text size="sm" c="dimmed">
            {t("protocols.savedBy", { version: p.version, who: p.savedBy, when: formatDateTime(p.savedAt) })}
          </Text>
        </Group>
        {p.canEdit && !editing && (
          <Button leftSection={<IconPencil size={16} aria-hidden="true" />} onClick={() => setEditing(true)}>
            {t("protocols.edit")}
          </Button>
        )}
      </Group>
      {editing ? (
        <ProtocolEditor protocol={p} onDone={() => setEditing(false)} />
      ) : (
        <>
          <Title order={2} size="h3">
            {t("protocols.dimensions")}
          </Title>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            {p.content.dimensions.map((d, i) => (
              <Card key={d.id} withBorder padding="md" data-testid="dimension-card">
                <Text size="xs" c="dimmed">
                  {t("protocols.dimensionN", { n: i + 1 })}
                </Text>
                <Anchor component={Link} to={dimensionPath(p.id, d.id)} fw={600}>
                  {d.title}
                </Anchor>
                <Text size="sm" mt="xs" lineClamp={3}>
                  {d.expected}
                </Text>
                <Text size="xs" c="dimmed" mt="xs">
                  {t("protocols.caseStudies")}: {d.caseStudies.length} · {t("protocols.tools")}:{" "}
                  {p.tools.filter((x) => x.dimensionId === d.id).length}
                </Text>
              </Card>
            ))}
          </SimpleGrid>
          <AssessSite protocolId={p.id} />
        </>
      )}
    </Stack>
  );
}

function AssessSite({ protocolId }: { protocolId: number }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const sites = me.sites.filter((s) => s.canReadData);
  const [siteId, setSiteId] = useState<string | null>(sites[0] ? String(sites[0].id) : null);
  if (sites.length === 0) return null;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="assess-title">
      <Title order={2} size="h4" id="assess-title" mb="xs">
        {t("protocols.assessSite")}
      </Title>
      <Group align="flex-end">
        <Select
          label={t("protocols.chooseSite")}
          data={sites.map((s) => ({ value: String(s.id), label: `${s.code} · ${s.name}` }))}
          value={siteId}
          onChange={setSiteId}
          allowDeselect={false}
        />
        <Button
          disabled={!siteId}
          onClick={() => siteId && navigate(assessmentPath(protocolId, Number(siteId)))}
        >
          {t("protocols.assessment")}
        </Button>
      </Group>
    </Paper>
  );
}

const toLines = (s: string) =>
  s
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);

/** What the editor holds: the content, and each dimension's examples as the lines typed. */
interface ProtocolDraft {
  content: ProtocolContent;
  examples: string[];
}

const draftOf = (p: Protocol): ProtocolDraft => ({
  content: p.content,
  examples: p.content.dimensions.map((d) => d.examples.join("\n")),
});

// new dimensions and case studies have no id yet: the server gives them one
const toInput = ({ content, examples }: ProtocolDraft) => ({
  ...content,
  dimensions: content.dimensions.map((d, i) => ({
    ...d,
    id: d.id || undefined,
    examples: toLines(examples[i] ?? ""),
    caseStudies: d.caseStudies.map((c) => ({ ...c, id: c.id || undefined })),
  })),
});

function ProtocolEditor({ protocol, onDone }: { protocol: Protocol; onDone: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const edit = useVersionedDraft({
    doc: protocol,
    contentOf: draftOf,
    mutation: useSaveProtocol(protocol.id),
    toVariables: (d, baseVersion) => ({ ...toInput(d), baseVersion }),
    savedMessage: () => t("protocols.saved"),
    adoptSaved: (saved) => saved,
    onSaved: onDone,
    fetchLatest: () =>
      qc.fetchQuery({
        queryKey: protocolKeys.one(protocol.id),
        queryFn: () => get<Protocol>(`/api/protocols/${protocol.id}`),
        staleTime: 0,
      }),
  });
  const draft = edit.draft.content;
  const examples = edit.draft.examples;
  const setDraft = (content: ProtocolContent) => edit.setDraft((d) => ({ ...d, content }));
  const setExamples = (next: string[]) => edit.setDraft((d) => ({ ...d, examples: next }));
  const setDim = (i: number, patch: Partial<ProtocolContent["dimensions"][number]>) =>
    setDraft({ ...draft, dimensions: draft.dimensions.map((d, j) => (j === i ? { ...d, ...patch } : d)) });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        edit.save();
      }}
    >
      {edit.guard}
      <Stack>
        {edit.stale ? (
          <StaleAlert
            message={edit.errors.general}
            detail={t("protocols.staleDetail")}
            onReload={() => void edit.reload()}
          />
        ) : (
          edit.errors.general && (
            <Text c="red.8" role="alert">
              {edit.errors.general}
            </Text>
          )
        )}
        <TextInput
          label={t("protocols.protocolTitle")}
          required
          value={draft.title}
          onChange={(e) => setDraft({ ...draft, title: e.currentTarget.value })}
        />
        <GrowingTextarea
          label={t("protocols.summary")}
          value={draft.summary}
          onChange={(text) => setDraft({ ...draft, summary: text })}
        />
        {draft.dimensions.map((d, i) => (
          <Paper key={d.id || `new-${i}`} withBorder p="md" component="fieldset" style={{ minWidth: 0 }}>
            <Group justify="space-between" component="legend" style={{ padding: 0 }}>
              <Text fw={600}>{t("protocols.dimensionN", { n: i + 1 })}</Text>
            </Group>
            <Stack gap="sm">
              <TextInput
                label={t("protocols.dimensionTitle")}
                required
                value={d.title}
                onChange={(e) => setDim(i, { title: e.currentTarget.value })}
              />
              <GrowingTextarea
                label={t("protocols.expected")}
                value={d.expected}
                onChange={(text) => setDim(i, { expected: text })}
              />
              <GrowingTextarea
                label={t("protocols.examples")}
                description={t("protocols.examplesHint")}
                value={examples[i] ?? ""}
                onChange={(v) => {
                  setExamples(examples.map((x, j) => (j === i ? v : x)));
                }}
              />
              <Text fw={500} size="sm">
                {t("protocols.caseStudies")}
              </Text>
              {d.caseStudies.map((c, k) => (
                <Stack
                  key={c.id || `new-${k}`}
                  gap="xs"
                  pl="md"
                  style={{ borderLeft: "3px solid var(--mantine-color-gray-4)" }}
                >
                  <TextInput
                    label={t("protocols.caseTitle")}
                    required
                    value={c.title}
                    onChange={(e) => {
                      const v = e.currentTarget.value;
                      setDim(i, {
                        caseStudies: d.caseStudies.map((x, j) => (j === k ? { ...x, title: v } : x)),
                      });
                    }}
                  />
                  <GrowingTextarea
                    label={t("protocols.caseText")}
                    required
                    minRows={3}
                    value={c.text}
                    onChange={(v) => {
                      setDim(i, {
                        caseStudies: d.caseStudies.map((x, j) => (j === k ? { ...x, text: v } : x)),
                      });
                    }}
                  />
                  <Group>
                    <RemoveButton
                      size="compact-sm"
                      onClick={() => setDim(i, { caseStudies: d.caseStudies.filter((_, j) => j !== k) })}
                    >
                      {t("protocols.removeCaseStudy")}
                    </RemoveButton>
                  </Group>
                </Stack>
              ))}
              <Group>
                <AddButton
                  size="compact-sm"
                  onClick={() =>
                    setDim(i, { caseStudies: [...d.caseStudies, { id: "", title: "", text: "" }] })
                  }
                >
                  {t("protocols.addCaseStudy")}
                </AddButton>
                <RemoveButton
                  size="compact-sm"
                  onClick={() => {
                    setDraft({ ...draft, dimensions: draft.dimensions.filter((_, j) => j !== i) });
                    setExamples(examples.filter((_, j) => j !== i));
                  }}
                >
                  {t("protocols.removeDimension", { n: i + 1 })}
                </RemoveButton>
              </Group>
            </Stack>
          </Paper>
        ))}
        <Group>
          <Button
            variant="light"
            leftSection={<IconPlus size={16} aria-hidden="true" />}
            onClick={() => {
              setDraft({
                ...draft,
                dimensions: [
                  ...draft.dimensions,
                  { id: "", title: "", expected: "", examples: [], caseStudies: [] },
                ],
              });
              setExamples([...examples, ""]);
            }}
          >
            {t("protocols.addDimension")}
          </Button>
        </Group>
        <Group>
          <Button type="submit" loading={edit.saving}>
            {t("protocols.save")}
          </Button>
          <Button variant="default" onClick={onDone}>
            {t("protocols.cancel")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
