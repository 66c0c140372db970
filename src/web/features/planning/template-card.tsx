import { Button, Checkbox, Group, Paper, Stack, Switch, Text, Title } from "@mantine/core";
import { IconTemplate } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useDescribeError } from "../../app/errors.ts";
import { FormError } from "../../app/form-modal.tsx";
import { QueryView } from "../../app/page.tsx";
import { notifySaved } from "../../app/ui/notify.ts";
import { useApplyTemplate, useTemplates } from "./api.ts";
import type { TemplateSummary } from "./types.ts";

const PARTS = ["sana_template", "swot_tags", "toc", "action_plan", "questionnaire"] as const;

/** Start a programme's plan from a shipped template (ImpleMENTAL): the parts to apply, and whether to replace. */
export function TemplateCard({ programmeId }: { programmeId: number }) {
  const { i18n } = useTranslation();
  const templates = useTemplates(programmeId, i18n.language === "it" ? "it" : "en");
  return (
    <QueryView query={templates}>
      {(list) => (
        <>
          {list.map((tpl) => (
            <TemplateForm key={tpl.id} programmeId={programmeId} template={tpl} />
          ))}
        </>
      )}
    </QueryView>
  );
}

function TemplateForm({ programmeId, template }: { programmeId: number; template: TemplateSummary }) {
  const { t, i18n } = useTranslation();
  const describe = useDescribeError();
  const apply = useApplyTemplate(programmeId);
  const [parts, setParts] = useState<string[]>([...PARTS]);
  const [replace, setReplace] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = () => {
    setError(null);
    apply.mutate(
      // applied in the language it is shown in: its texts become the programme's content
      { template: template.id, language: i18n.language === "it" ? "it" : "en", parts, replace },
      {
        onSuccess: (r) => {
          notifySaved(t("planning.template.applied", { name: template.name, count: r.applied.length }));
          for (const s of r.started)
            notifySaved(
              t("planning.fromRegion.sitesStarted", {
                count: s.sites,
                what: t(`planning.kinds.${s.kind as "toc"}`),
              }),
            );
        },
        onError: (e) => setError(describe(e)),
      },
    );
  };
  return (
    <Paper withBorder p="md">
      <Group align="flex-start" wrap="nowrap">
        <IconTemplate size={28} stroke={1.5} aria-hidden="true" />
        <Stack gap="xs" style={{ flex: 1 }}>
          <Title order={2} size="h4">
            {t("planning.template.title", { name: template.name })}
          </Title>
          <Text size="sm" c="dimmed">
            {template.description}
          </Text>
          <Text size="sm" c="dimmed">
            {t("planning.template.languageHint")}
          </Text>
          <Checkbox.Group label={t("planning.template.parts")} value={parts} onChange={setParts}>
            <Group mt={4}>
              {PARTS.map((p) => (
                <Checkbox key={p} value={p} label={t(`planning.template.part.${p}`)} />
              ))}
            </Group>
          </Checkbox.Group>
          <Switch
            label={t("planning.template.replace")}
            description={t("planning.template.replaceHint")}
            checked={replace}
            onChange={(e) => setReplace(e.currentTarget.checked)}
          />
          <FormError message={error} />
          <Group>
            <Button onClick={submit} loading={apply.isPending} disabled={parts.length === 0}>
              {t("planning.template.apply")}
            </Button>
          </Group>
        </Stack>
      </Group>
    </Paper>
  );
}
