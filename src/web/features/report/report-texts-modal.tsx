import { Alert, Badge, Button, Group, Loader, Select, Stack, Tabs, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { AppModal } from "../../app/ui/app-modal.tsx";
import { GrowingTextarea } from "../../app/ui/note-field.tsx";
import { notifySaved } from "../../app/ui/notify.ts";
import { StaleAlert } from "../../app/ui/stale-alert.tsx";
import { useVersionedDraft } from "../../app/ui/use-versioned-draft.tsx";
import {
  type ReportLang,
  type ReportTextSection,
  useReportTexts,
  useResetReportText,
  useSaveReportText,
} from "./report-texts-data.ts";

const isShown = (p: string) => p === "text";
const textOf = (s: ReportTextSection) => s.text;

/**
 * The programme's own wording of the report's text sections (issue 12), one language per tab:
 * choose a section, edit it (the placeholders it may use are listed), save, or reset it to the
 * default. Optimistic locking: the version read goes as `baseVersion`; a stale one shows an alert
 * offering the latest text. The server decides who may (administrators, coordinators of the
 * programme's region).
 */
export function ReportTextsModal({ programmeId, onClose }: { programmeId: number; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const [lang, setLang] = useState<ReportLang>(i18n.language === "it" ? "it" : "en");
  return (
    <AppModal onClose={onClose} title={t("report.texts.title")} size="xl">
      <Tabs value={lang} onChange={(v) => v && setLang(v as ReportLang)}>
        <Tabs.List mb="md">
          <Tabs.Tab value="en">{t("report.texts.lang.en")}</Tabs.Tab>
          <Tabs.Tab value="it">{t("report.texts.lang.it")}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value={lang}>
          <LanguageTexts key={lang} programmeId={programmeId} lang={lang} />
        </Tabs.Panel>
      </Tabs>
    </AppModal>
  );
}

function LanguageTexts({ programmeId, lang }: { programmeId: number; lang: ReportLang }) {
  const { t } = useTranslation();
  const texts = useReportTexts(programmeId, lang);
  const [section, setSection] = useState<string>("programmeIntro");
  if (texts.isPending) return <Loader size="sm" aria-label={t("common.loading")} />;
  if (texts.isError)
    return (
      <Alert color="red" role="alert">
        {texts.error.message}
      </Alert>
    );
  const current = texts.data.sections.find((s) => s.section === section) ?? texts.data.sections[0]!;
  return (
    <Stack>
      <Select
        label={t("report.texts.section")}
        value={current.section}
        allowDeselect={false}
        onChange={(v) => v && setSection(v)}
        data={texts.data.sections.map((s) => ({
          value: s.section,
          label: `${t(`report.texts.sections.${s.section}`)}${s.overridden ? ` — ${t("report.texts.customised")}` : ""}`,
        }))}
      />
      <SectionEditor
        key={`${current.section}-${current.version}`}
        programmeId={programmeId}
        lang={lang}
        section={current}
        onReload={async () =>
          (await texts.refetch()).data?.sections.find((s) => s.section === current.section)
        }
      />
    </Stack>
  );
}

function SectionEditor({
  programmeId,
  lang,
  section,
  onReload,
}: {
  programmeId: number;
  lang: ReportLang;
  section: ReportTextSection;
  /** Read the texts again; resolves with this section as it now stands. */
  onReload: () => Promise<ReportTextSection | undefined>;
}) {
  const { t } = useTranslation();
  const name = t(`report.texts.sections.${section.section}`);
  const edit = useVersionedDraft({
    doc: section,
    contentOf: textOf,
    mutation: useSaveReportText(programmeId, lang),
    toVariables: (text, baseVersion) => ({ section: section.section, text, baseVersion }),
    savedMessage: () => t("report.texts.saved", { name }),
    adoptSaved: (saved) => saved.sections.find((s) => s.section === section.section),
    fetchLatest: onReload,
    isShown,
    errorOptions: { labels: { text: t("report.texts.text") } },
  });
  const reset = useResetReportText(programmeId, lang);
  const { errors, field, stale } = edit;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        edit.save();
      }}
    >
      <Stack gap="sm">
        <Group gap="xs">
          <Badge color={section.overridden ? "blue" : "gray"} variant="light">
            {section.overridden ? t("report.texts.customised") : t("report.texts.default")}
          </Badge>
          {section.updatedBy && (
            <Text size="xs" c="dimmed">
              {t("report.texts.updatedBy", { user: section.updatedBy, version: section.version })}
            </Text>
          )}
        </Group>
        {edit.guard}
        {stale && <StaleAlert message={errors.general} onReload={() => void edit.reload()} />}
        <GrowingTextarea
          label={t("report.texts.text")}
          description={
            section.placeholders.length
              ? t("report.texts.placeholders", { list: section.placeholders.map((p) => `{${p}}`).join(", ") })
              : t("report.texts.noPlaceholders")
          }
          value={edit.draft}
          onChange={(text) => edit.setDraft(text)}
          minRows={3}
          maxRows={10}
          error={field("text")}
        />
        <Text size="xs" c="dimmed">
          {t("report.texts.defaultIs")} {section.defaultText}
        </Text>
        {!stale && errors.general && (
          <Alert color="red" role="alert">
            {errors.general}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button
            variant="default"
            disabled={!section.overridden}
            loading={reset.isPending}
            onClick={() => {
              edit.clear();
              reset.mutate(
                { section: section.section, baseVersion: edit.base.version },
                {
                  onSuccess: () => notifySaved(t("report.texts.resetDone", { name })),
                  onError: edit.fail,
                },
              );
            }}
          >
            {t("report.texts.reset")}
          </Button>
          <Button type="submit" loading={edit.saving}>
            {t("report.texts.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
