import { Grid, Paper, Select, Stack, Text, Title } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { type FormEvent, useCallback, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams, useSearchParams } from "react-router";
import { useTimeline } from "../../../app/data/registry.ts";
import type { Timeline } from "../../../app/data/registry-types.ts";
import { useWorkingSite } from "../../../app/data/working-site.ts";
import { useDescribeError } from "../../../app/errors.ts";
import { toFormErrors, useFormErrors, useRevealFirstError } from "../../../app/form-errors.ts";
import { FormError } from "../../../app/form-modal.tsx";
import { Loading, Page, QueryView } from "../../../app/page.tsx";
import { todayIso } from "../../../app/today.ts";
import { notifySaved } from "../../../app/ui/notify.ts";
import {
  useInstrument,
  useInstruments,
  useLiveScore,
  usePatientOutcomes,
  useRecordAdministration,
} from "../api.ts";
import type { InstrumentDetail } from "../types.ts";
import { AdministrationFields } from "./administration-fields.tsx";
import { type AdministrationDraft, blankAnswers, bodyOf, scoreInputOf } from "./administration-form-state.ts";
import { ItemEntry } from "./item-entry.tsx";
import { LiveScoreCard } from "./live-score-card.tsx";

const TOP_FIELDS = new Set(["instrument", "date", "timepoint", "respondent", "totalScore", "items"]);
const isShown = (p: string) => TOP_FIELDS.has(p) || p.startsWith("items.");

/** Record an administration of an instrument for a patient: item by item with live scoring, or the total. */
export function AdministrationPage() {
  const id = Number(useParams().id);
  const timeline = useTimeline(id);
  return <QueryView query={timeline}>{(tl) => <AdministrationView timeline={tl} />}</QueryView>;
}

function AdministrationView({ timeline }: { timeline: Timeline }) {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const code = params.get("instrument");
  const library = useInstruments();
  const instrument = useInstrument(code, i18n.language.slice(0, 2));
  const site = useWorkingSite(timeline);
  const p = timeline.patient;

  return (
    <Page
      title={t("measures.form.title", { code: p.code })}
      crumbs={[
        ...(site ? [{ label: site.code, to: `/sites/${site.id}` }] : []),
        { label: p.code, to: `/patients/${p.id}` },
        { label: t("measures.form.crumb") },
      ]}
    >
      <Select
        label={t("measures.form.instrument")}
        placeholder={t("common.choose")}
        searchable
        allowDeselect={false}
        nothingFoundMessage={t("common.nothingFound")}
        data={(library.data ?? []).map((i) => ({ value: i.code, label: `${i.code} — ${i.name}` }))}
        value={code}
        onChange={(v) => v && setParams({ instrument: v }, { replace: true })}
        maw={520}
        data-autofocus
        // focused when the form opens, but its list opens only when asked: a list popping open over
        // the form hides the fields below it (and its options are not keyboard-scrollable until used)
        openOnFocus={false}
      />
      {code === null ? (
        <Text c="dimmed" size="sm">
          {t("measures.form.chooseInstrument")}
        </Text>
      ) : (
        <QueryView query={instrument}>
          {(def) => <AdministrationForm key={def.code} patientId={p.id} instrument={def} />}
        </QueryView>
      )}
    </Page>
  );
}

function AdministrationForm({ patientId, instrument }: { patientId: number; instrument: InstrumentDetail }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const describe = useDescribeError();
  const outcomes = usePatientOutcomes(patientId);
  const record = useRecordAdministration(patientId);
  const { errors, fail, clear, field } = useFormErrors(isShown);
  const form = useRef<HTMLFormElement>(null);
  useRevealFirstError(form, errors);

  const earlier =
    outcomes.data?.instruments.find((o) => o.instrument === instrument.code)?.points.length ?? 0;
  const [draft, setDraft] = useState<AdministrationDraft>(() => ({
    date: todayIso(),
    timepoint: null,
    respondent: instrument.respondents.length === 1 ? instrument.respondents[0]! : null,
    entry: "items",
    answers: blankAnswers(instrument),
    total: "",
  }));
  // A first administration is a baseline, a later one a follow-up — until the user says otherwise
  const timepoint = draft.timepoint ?? (outcomes.data ? (earlier > 0 ? "follow_up" : "baseline") : null);
  const set = useCallback((patch: Partial<AdministrationDraft>) => setDraft((d) => ({ ...d, ...patch })), []);
  const answer = useCallback(
    (id: string, value: number | null) => setDraft((d) => ({ ...d, answers: { ...d.answers, [id]: value } })),
    [],
  );

  const [input] = useDebouncedValue(
    useMemo(() => scoreInputOf(draft), [draft]),
    120,
  );
  const live = useLiveScore(instrument.code, input);
  // The live scoring's refusals (an answer its gate does not allow, a total out of range) show at once
  const liveErrors = useMemo(
    () => toFormErrors(live.error, isShown, describe, (i) => i.message),
    [live.error, describe],
  );
  const errorAt = (path: string) => field(path) ?? (input ? liveErrors.fields[path] : undefined);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    clear();
    record.mutate(bodyOf(instrument.code, { ...draft, timepoint }), {
      onSuccess: (a) => {
        notifySaved(
          t("measures.form.saved", {
            instrument: a.instrument,
            code: a.code,
            total: a.total ?? "—",
          }),
        );
        navigate(`/patients/${patientId}#measures`);
      },
      onError: fail,
    });
  };

  if (outcomes.isPending) return <Loading />;
  return (
    <form
      ref={form}
      onSubmit={submit}
      noValidate
      aria-label={t("measures.form.formLabel", { instrument: instrument.code })}
    >
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="lg">
            <FormError message={errors.general} />
            <Paper withBorder p="md">
              <AdministrationFields
                instrument={instrument}
                draft={{ ...draft, timepoint }}
                set={set}
                field={errorAt}
              />
            </Paper>
            {draft.entry === "items" && (
              <Paper withBorder p="md" component="section" aria-labelledby="items-title">
                <Title order={2} size="h4" id="items-title" mb="sm">
                  {t("measures.form.items", { count: instrument.itemCount })}
                </Title>
                {errorAt("items") && (
                  <Text c="red.8" size="sm" mb="sm" role="alert">
                    {errorAt("items")}
                  </Text>
                )}
                <ItemEntry
                  instrument={instrument}
                  answers={draft.answers}
                  onChange={answer}
                  errorOf={(item) => errorAt(`items.${item}`)}
                />
              </Paper>
            )}
            <Text size="xs" c="dimmed">
              {instrument.licenceNotice}
            </Text>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <LiveScoreCard
            instrument={instrument}
            result={input && !live.error ? (live.data ?? null) : null}
            scoring={live.isFetching}
            saving={record.isPending}
          />
        </Grid.Col>
      </Grid>
    </form>
  );
}
