import { Badge, Button, Group, Paper, Tabs, Text } from "@mantine/core";
import { IconHistory, IconListDetails } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { usePractice, useSavePractice } from "../../app/data/practices.ts";
import { useFormatDateTime } from "../../app/format.ts";
import { Page, QueryView } from "../../app/page.tsx";
import { useCurrentUser } from "../../app/session.ts";
import type { Practice } from "../../app/types.ts";
import { notifySaved } from "../../app/ui/notify.ts";
import { StaleAlert } from "../../app/ui/stale-alert.tsx";
import { definitionToForm, formToDefinition } from "./definition-values.ts";
import { DefinitionView } from "./definition-view.tsx";
import { PracticeForm, usePracticeDraft } from "./practice-form.tsx";
import { PracticeVersions } from "./practice-versions.tsx";

/** A practice: its current definition (editable by administrators, each save a new version) and its history. */
export function PracticePage() {
  const id = Number(useParams().id);
  const practice = usePractice(id);
  return <QueryView query={practice}>{(p) => <PracticeView practice={p} />}</QueryView>;
}

function PracticeView({ practice }: { practice: Practice }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const when = useFormatDateTime();
  return (
    <Page
      title={`${practice.code} — ${practice.name}`}
      crumbs={[{ label: t("nav.practices"), to: "/practices" }, { label: practice.code }]}
      subtitle={
        <Group gap="xs" component="span">
          <Badge variant="light">{t("practices.versionN", { n: practice.version })}</Badge>
          <Text span size="sm" c="dimmed">
            {t("practices.savedOn", { when: when(practice.updatedAt) })}
          </Text>
        </Group>
      }
    >
      <Tabs defaultValue="definition" keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="definition" leftSection={<IconListDetails size={16} aria-hidden="true" />}>
            {t("practices.definition")}
          </Tabs.Tab>
          <Tabs.Tab value="history" leftSection={<IconHistory size={16} aria-hidden="true" />}>
            {t("practices.history")}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="definition">
          {me.isAdmin ? (
            <PracticeEditor key={practice.version} practice={practice} />
          ) : (
            <Paper withBorder p="md">
              <DefinitionView definition={practice.definition} />
            </Paper>
          )}
        </Tabs.Panel>
        <Tabs.Panel value="history">
          <PracticeVersions practiceId={practice.id} />
        </Tabs.Panel>
      </Tabs>
    </Page>
  );
}

function PracticeEditor({ practice }: { practice: Practice }) {
  const { t } = useTranslation();
  const save = useSavePractice(practice.id);
  const draft = usePracticeDraft({
    name: practice.name,
    definition: () => definitionToForm(practice.definition),
  });
  const stale = draft.errors.error?.code === "stale_version";
  const query = usePractice(practice.id);

  const submit = () =>
    save.mutate(
      { name: draft.name, definition: formToDefinition(draft.definition), baseVersion: practice.version },
      {
        onSuccess: (p) => notifySaved(t("practices.savedVersion", { n: p.version })),
        onError: draft.fail,
      },
    );

  return (
    <PracticeForm
      draft={draft}
      label={t("practices.definition")}
      top={
        stale && <StaleAlert message={draft.errors.error?.message} onReload={() => void query.refetch()} />
      }
      general={stale ? null : draft.errors.general}
      onSubmit={submit}
    >
      <Text size="sm" c="dimmed">
        {t("practices.saveMakesVersion", { n: practice.version + 1 })}
      </Text>
      <Button type="submit" loading={save.isPending}>
        {t("practices.saveVersion")}
      </Button>
    </PracticeForm>
  );
}
