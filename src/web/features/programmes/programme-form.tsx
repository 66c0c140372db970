import { Button, Group, Paper, Select, SimpleGrid, Stack, TextInput, Title } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { type FormEvent, type ReactNode, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { get } from "../../app/api.ts";
import { practiceKeys, usePractices } from "../../app/data/practices.ts";
import { useRegions, useSites } from "../../app/data/structure.ts";
import { type FormErrors, useRevealFirstError } from "../../app/form-errors.ts";
import { FormError } from "../../app/form-modal.tsx";
import type { Practice } from "../../app/types.ts";
import type { IndicatorChoice, ProgrammeFormValues } from "./form-values.ts";
import { ParametersFields } from "./parameters-fields.tsx";
import { PhasesFields } from "./phases-fields.tsx";
import { PracticeVersionSelect } from "./practice-version-select.tsx";
import { SitesFields } from "./sites-fields.tsx";
import { TargetsFields } from "./targets-fields.tsx";

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" component="section">
      <Title order={2} size="h4" mb="md">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

/**
 * Create or edit a programme: its identity (code, region and practice are fixed once created),
 * phases with dates, sites with their enrolment targets, targets on any indicator, and the
 * indicator parameters.
 */
export function ProgrammeForm({
  mode,
  initial,
  indicators,
  regionIds,
  saving,
  errors,
  field,
  fieldTree,
  notice,
  onSubmit,
  onCancel,
}: {
  mode: "create" | "edit";
  initial: ProgrammeFormValues;
  /** The indicators a target may name. */
  indicators: IndicatorChoice[];
  /** The regions the user may create a programme in (creating; absent: every region). */
  regionIds?: number[];
  saving: boolean;
  errors: FormErrors;
  field: (path: string) => string | undefined;
  fieldTree: (path: string) => string | undefined;
  notice?: ReactNode;
  onSubmit: (values: ProgrammeFormValues) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [values, setValues] = useState(initial);
  const regions = useRegions();
  const practices = usePractices();
  const regionId = values.regionId ? Number(values.regionId) : undefined;
  const sites = useSites({ regionId });
  const set = <K extends keyof ProgrammeFormValues>(key: K, v: ProgrammeFormValues[K]) =>
    setValues((old) => ({ ...old, [key]: v }));

  // A new programme starts from its practice's eligibility rules.
  const choosePractice = async (id: string | null) => {
    set("practiceId", id);
    if (!id || mode !== "create") return;
    const practice = await qc.fetchQuery({
      queryKey: practiceKeys.one(Number(id)),
      queryFn: () => get<Practice>(`/api/practices/${id}`),
    });
    const e = practice.definition.eligibility;
    setValues((old) => ({
      ...old,
      parameters: {
        ...old.parameters,
        ...(e.ageMin !== null ? { ageMin: e.ageMin } : {}),
        ...(e.ageMax !== null ? { ageMax: e.ageMax } : {}),
        ...(e.targetDiagnoses.length ? { targetDiagnoses: e.targetDiagnoses } : {}),
        ...(e.newToServiceDays !== null ? { newToServiceDays: e.newToServiceDays } : {}),
      },
    }));
  };

  const formRef = useRef<HTMLFormElement>(null);
  useRevealFirstError(formRef, errors);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit(values);
  };

  return (
    <form
      ref={formRef}
      onSubmit={submit}
      noValidate
      aria-label={mode === "create" ? t("programmes.new") : t("programmes.edit")}
    >
      <Stack gap="lg">
        {notice}
        <Section title={t("programmes.identity")}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t("common.code")}
              description={t("programmes.codeHint")}
              required
              disabled={mode === "edit"}
              value={values.code}
              onChange={(e) => set("code", e.currentTarget.value)}
              error={field("code")}
            />
            <TextInput
              label={t("common.name")}
              required
              value={values.name}
              onChange={(e) => set("name", e.currentTarget.value)}
              error={field("name")}
            />
            <Select
              label={t("programmes.region")}
              required
              disabled={mode === "edit"}
              placeholder={t("common.choose")}
              data={(regions.data ?? [])
                .filter((r) => mode === "edit" || !regionIds || regionIds.includes(r.id))
                .map((r) => ({
                  value: String(r.id),
                  label: `${r.code} — ${r.name}`,
                }))}
              value={values.regionId}
              onChange={(v) =>
                setValues((old) =>
                  v === old.regionId
                    ? old
                    : // another region: none of the sites (nor their targets) stay
                      { ...old, regionId: v, sites: [], targets: old.targets.filter((r) => r.siteId === "") },
                )
              }
              error={field("regionId")}
            />
            <Select
              label={t("programmes.practice")}
              description={mode === "create" ? t("programmes.practiceHint") : undefined}
              required
              disabled={mode === "edit"}
              placeholder={t("common.choose")}
              data={(practices.data ?? []).map((p) => ({
                value: String(p.id),
                label: `${p.code} — ${p.name}`,
              }))}
              value={values.practiceId}
              onChange={(v) => void choosePractice(v)}
              error={field("practiceId")}
            />
            {mode === "edit" && initial.practiceId && initial.practiceVersion && (
              <PracticeVersionSelect
                practiceId={Number(initial.practiceId)}
                current={Number(initial.practiceVersion)}
                value={values.practiceVersion}
                onChange={(v) => set("practiceVersion", v)}
                error={field("practiceVersion")}
              />
            )}
          </SimpleGrid>
        </Section>
        <Section title={t("programmes.phases")}>
          <PhasesFields value={values.phases} onChange={(v) => set("phases", v)} error={field} />
        </Section>
        <Section title={t("programmes.sitesAndTargets")}>
          <SitesFields
            sites={regionId ? (sites.data ?? []) : []}
            value={values.sites}
            defaultTarget={values.parameters.targetEnrolmentPerSite}
            onChange={(v) =>
              // a site taken out takes its targets along
              setValues((old) => ({
                ...old,
                sites: v,
                targets: old.targets.filter(
                  (r) => r.siteId === "" || v.some((x) => String(x.siteId) === r.siteId),
                ),
              }))
            }
            error={fieldTree}
          />
        </Section>
        <Section title={t("programmeTargets.title")}>
          <TargetsFields
            indicators={indicators}
            sites={(regionId ? (sites.data ?? []) : []).filter((s) =>
              values.sites.some((x) => x.siteId === s.id),
            )}
            value={values.targets}
            onChange={(v) => set("targets", v)}
            error={field}
          />
        </Section>
        <Section title={t("programmes.parameters")}>
          <ParametersFields
            value={values.parameters}
            onChange={(v) => set("parameters", v)}
            error={field}
            errorTree={fieldTree}
          />
        </Section>
        <FormError message={errors.general} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={saving}>
            {mode === "create" ? t("programmes.create") : t("common.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
