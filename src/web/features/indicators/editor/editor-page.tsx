import { Alert, Button, Group, Stack } from "@mantine/core";
import { IconDeviceFloppy, IconEye } from "@tabler/icons-react";
import { type FormEvent, useCallback, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import { BASE_TAXONOMY } from "../../../../shared/vocabulary.ts";
import { usePractice } from "../../../app/data/practices.ts";
import { useProgramme } from "../../../app/data/programmes.ts";
import { useFormErrors, useRevealFirstError } from "../../../app/form-errors.ts";
import { FormError } from "../../../app/form-modal.tsx";
import { Loading } from "../../../app/page.tsx";
import { useCurrentUser } from "../../../app/session.ts";
import { GrowingTextarea } from "../../../app/ui/note-field.tsx";
import { notifySaved } from "../../../app/ui/notify.ts";
import { useCreateDefinition, useDefinitions, usePreview, useUpdateDefinition } from "../api.ts";
import { useDashboardHref } from "../as-of.ts";
import type { ComputedFrom } from "../computed-from.tsx";
import { type DashboardContext, DashboardPage, WithIndicators } from "../dashboard-page.tsx";
import type { StoredDefinition } from "../types.ts";
import { ComputationNote } from "./computation-note.tsx";
import type { SectionProps } from "./fields.ts";
import {
  type EditorForm,
  EMPTY_FORM,
  type FieldName,
  fieldOf,
  fromDefinition,
  toDefinition,
} from "./form-state.ts";
import { IdentityFields } from "./identity-fields.tsx";
import { PopulationFields } from "./population-fields.tsx";
import { PreviewPanel } from "./preview-panel.tsx";
import { RecordsFields } from "./records-fields.tsx";
import { TargetFields } from "./target-fields.tsx";
import { UptakeFields } from "./uptake-fields.tsx";

/** `indicators/new` and `indicators/:indicatorId/edit`: build a definition from menus, preview, save. */
export function EditorPage() {
  return <WithIndicators>{(ctx) => <EditorLoader ctx={ctx} />}</WithIndicators>;
}

function EditorLoader({ ctx }: { ctx: DashboardContext }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const { indicatorId } = useParams();
  const definitions = useDefinitions(ctx.programmeId);
  const programme = useProgramme(ctx.programmeId);
  const practice = usePractice(programme.data?.practice.id ?? null);
  const canEdit = me.isAdmin || me.programmes.some((p) => p.id === ctx.programmeId && p.canEdit);
  const title = indicatorId
    ? t("dashboard.editor.editTitle", { name: indicatorId })
    : t("dashboard.editor.newTitle");
  if (!canEdit) {
    return (
      <DashboardPage ctx={ctx} tab="editor" title={title}>
        <Alert color="orange" variant="light">
          {t("dashboard.editor.noAccess")}
        </Alert>
      </DashboardPage>
    );
  }
  if (!programme.data || !definitions.data || (indicatorId && !definitions.data) || practice.isPending) {
    return <Loading />;
  }
  const stored = indicatorId ? definitions.data.find((d) => d.id === indicatorId && !d.builtIn) : undefined;
  if (indicatorId && !stored) {
    return (
      <DashboardPage ctx={ctx} tab="editor" title={title}>
        <Alert color="orange" variant="light" role="alert">
          {t("errors.notFound")}
        </Alert>
      </DashboardPage>
    );
  }
  const base = new Set<string>(BASE_TAXONOMY.map((x) => x.code));
  const types = [
    ...BASE_TAXONOMY.map((x) => ({ value: x.code as string, label: t(`interventionTypes.${x.code}`) })),
    ...(practice.data?.definition.interventionTypes ?? [])
      .filter((x) => !base.has(x.code))
      .map((x) => ({ value: x.code, label: x.label })),
  ];
  return (
    <Editor
      key={stored?.id ?? "new"}
      ctx={ctx}
      stored={stored}
      title={stored ? t("dashboard.editor.editTitle", { name: stored.meta.label }) : title}
      types={types}
      earlyWindowDays={programme.data.parameters.earlyWindowDays}
      intensiveThreshold={programme.data.parameters.intensiveThreshold}
    />
  );
}

function Editor({
  ctx,
  stored,
  title,
  types,
  earlyWindowDays,
  intensiveThreshold,
}: {
  ctx: DashboardContext;
  stored: StoredDefinition | undefined;
  title: string;
  types: Array<{ value: string; label: string }>;
  earlyWindowDays: number;
  intensiveThreshold: number;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const href = useDashboardHref();
  const { programmeId, asOf, model } = ctx;
  const initial = stored ? fromDefinition(stored.definition) : EMPTY_FORM;
  const [form, setForm] = useState<EditorForm>(initial ?? EMPTY_FORM);
  /** A definition the menus cannot show is edited as JSON. */
  const [json, setJson] = useState<string | null>(
    initial ? null : JSON.stringify(stored?.definition, null, 2),
  );
  const [jsonError, setJsonError] = useState<string | null>(null);
  /** What the menus (or the JSON) hold now, to know whether the server's last answer still applies. */
  const draftKey = json === null ? JSON.stringify(form) : json;
  /** How the server computes the draft it last saw: the stored definition, then each preview's. */
  const [computed, setComputed] = useState<{ key: string; from: ComputedFrom } | null>(() =>
    stored ? { key: draftKey, from: stored.meta.computedFrom } : null,
  );
  const built = useMemo(() => toDefinition(form), [form]);
  const isShown = useCallback(
    (path: string) => json === null && fieldOf(built.paths, path) !== null,
    [built.paths, json],
  );
  const errors = useFormErrors(isShown);
  const formRef = useRef<HTMLFormElement>(null);
  useRevealFirstError(formRef, errors.errors);
  const preview = usePreview(programmeId);
  const create = useCreateDefinition(programmeId);
  const update = useUpdateDefinition(programmeId, stored?.id ?? "");

  const set: SectionProps["set"] = (key, value) => setForm((f) => ({ ...f, [key]: value }));
  const error = (field: FieldName) => {
    const found = Object.entries(errors.errors.fields)
      .filter(([path]) => fieldOf(built.paths, path) === field)
      .map(([, message]) => message);
    return found.length ? found.join("; ") : undefined;
  };
  /** The definition to send: the menus', or the JSON typed in. */
  const definition = (): unknown | undefined => {
    if (json === null) return built.definition;
    try {
      setJsonError(null);
      return JSON.parse(json);
    } catch (e) {
      setJsonError(t("dashboard.editor.jsonInvalid", { message: (e as Error).message }));
      return undefined;
    }
  };

  const runPreview = () => {
    const d = definition();
    if (d === undefined) return;
    errors.clear();
    const key = draftKey;
    preview.mutate(
      { definition: d, asOf },
      {
        onSuccess: (p) => setComputed({ key, from: p.definition.computedFrom }),
        onError: errors.fail,
      },
    );
  };
  const save = (e: FormEvent) => {
    e.preventDefault();
    const d = definition();
    if (d === undefined) return;
    errors.clear();
    const done = (saved: StoredDefinition) => {
      notifySaved(t("dashboard.editor.saved"));
      navigate(href(`/charts/${saved.id}`));
      window.scrollTo({ top: 0 });
    };
    if (stored)
      update.mutate(
        { definition: d, baseVersion: stored.version },
        { onSuccess: done, onError: errors.fail },
      );
    else create.mutate(d, { onSuccess: done, onError: errors.fail });
  };
  const sectionProps: SectionProps = { form, set, error };

  return (
    <DashboardPage ctx={ctx} tab="editor" title={title} crumb={title}>
      <form ref={formRef} onSubmit={save} noValidate aria-label={title}>
        <Stack gap="md">
          {json === null ? (
            <>
              <IdentityFields {...sectionProps} isNew={!stored} />
              {form.measures === "offers" ? (
                <UptakeFields {...sectionProps} />
              ) : (
                <>
                  <PopulationFields {...sectionProps} />
                  <RecordsFields
                    {...sectionProps}
                    types={types}
                    earlyWindowDays={earlyWindowDays}
                    intensiveThreshold={intensiveThreshold}
                  />
                </>
              )}
              <TargetFields {...sectionProps} />
            </>
          ) : (
            <GrowingTextarea
              label={t("dashboard.editor.jsonTitle")}
              description={t("dashboard.editor.jsonHint")}
              value={json}
              onChange={setJson}
              minRows={12}
              styles={{ input: { fontFamily: "var(--mantine-font-family-monospace)" } }}
              error={jsonError ?? undefined}
            />
          )}
          <ComputationNote computedFrom={computed?.key === draftKey ? computed.from : null} />
          <FormError message={errors.errors.general} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => navigate(href("/indicators"))}>
              {t("dashboard.editor.back")}
            </Button>
            <Button
              variant="light"
              leftSection={<IconEye size={16} aria-hidden="true" />}
              onClick={runPreview}
              loading={preview.isPending}
            >
              {t("dashboard.editor.preview")}
            </Button>
            <Button
              type="submit"
              leftSection={<IconDeviceFloppy size={16} aria-hidden="true" />}
              loading={create.isPending || update.isPending}
            >
              {t("dashboard.editor.save")}
            </Button>
          </Group>
        </Stack>
      </form>
      {preview.data && !preview.isPending && <PreviewPanel preview={preview.data} model={model} />}
    </DashboardPage>
  );
}
