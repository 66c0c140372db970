import { Alert, Paper, Stack, Switch } from "@mantine/core";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import type { FieldIssue } from "../../../app/api.ts";
import { formPath } from "../../../app/form-errors.ts";
import { QueryView } from "../../../app/page.tsx";
import { useArtefact, useQuestionnaires, useVersion } from "../api.ts";
import { ArtefactFrame } from "../artefact-frame.tsx";
import { PlanningRoute } from "../artefact-route.tsx";
import type { ArtefactDocument, QuestionnaireDefinition, QuestionnaireResponse } from "../types.ts";
import { insideAnItem, useArtefactDraft } from "../use-artefact-draft.ts";
import type { PlanningProgramme } from "../use-planning-programme.ts";
import { QuestionField } from "./question-field.tsx";

/** A site's answers to one round of a progress questionnaire (a draft until submitted). */
export function ResponsePage() {
  const params = useParams();
  const q = Number(params.questionnaireId);
  const r = Number(params.roundId);
  return (
    <PlanningRoute>
      {(programme, scope) =>
        scope.siteId === null ? null : (
          <ResponseLoader programme={programme} siteId={scope.siteId} questionnaireId={q} roundId={r} />
        )
      }
    </PlanningRoute>
  );
}

function ResponseLoader({
  programme,
  siteId,
  questionnaireId,
  roundId,
}: {
  programme: PlanningProgramme;
  siteId: number;
  questionnaireId: number;
  roundId: number;
}) {
  const list = useQuestionnaires(programme.id);
  const q = list.data?.find((x) => x.id === questionnaireId);
  const round = q?.rounds.find((x) => x.id === roundId);
  const definition = useVersion<QuestionnaireDefinition>(
    programme.id,
    `questionnaires/${questionnaireId}/definition`,
    round?.definitionVersion ?? null,
  );
  const path = `questionnaires/${questionnaireId}/rounds/${roundId}/sites/${siteId}`;
  const doc = useArtefact<QuestionnaireResponse>(programme.id, path);
  const all = {
    data:
      definition.data && doc.data && round
        ? { definition: definition.data.content, doc: doc.data, label: round.label }
        : undefined,
    error: list.error ?? definition.error ?? doc.error,
    isPending: list.isPending || definition.isPending || doc.isPending,
  };
  return (
    <QueryView query={all}>
      {(d) => (
        <ResponseForm
          key={path}
          programme={programme}
          path={path}
          roundLabel={d.label}
          definition={d.definition}
          doc={d.doc}
        />
      )}
    </QueryView>
  );
}

const toBody = (c: QuestionnaireResponse) => ({
  answers: c.answers.filter((a) => a.value !== null && !(Array.isArray(a.value) && a.value.length === 0)),
  submitted: c.submitted,
});

function ResponseForm({
  programme,
  path,
  roundLabel,
  definition,
  doc,
}: {
  programme: PlanningProgramme;
  path: string;
  roundLabel: string;
  definition: QuestionnaireDefinition;
  doc: ArtefactDocument<QuestionnaireResponse>;
}) {
  const { t } = useTranslation();
  // An unanswered required question is named in the issue's params: its message goes beside it.
  const errorOptions = useMemo(
    () => ({
      place: (i: FieldIssue) =>
        i.rule === "unanswered" && typeof i.params?.question === "string"
          ? `question.${i.params.question}`
          : formPath(i.field),
      labels: (p: string) => {
        const code = /^question\.(.+)$/.exec(p)?.[1];
        return definition.questions.find((q) => q.code === code)?.text;
      },
    }),
    [definition],
  );
  const draft = useArtefactDraft({
    programmeId: programme.id,
    path,
    doc,
    toBody,
    isShown: (p) => insideAnItem(p) || p.startsWith("question."),
    errorOptions,
  });
  const answers = draft.draft.answers;
  const answerOf = (code: string) => answers.find((a) => a.question === code)?.value ?? null;
  const set = (code: string, value: QuestionnaireResponse["answers"][number]["value"]) =>
    draft.setDraft((d) => ({
      ...d,
      answers: d.answers.some((a) => a.question === code)
        ? d.answers.map((a) => (a.question === code ? { ...a, value } : a))
        : [...d.answers, { question: code, value }],
    }));
  const saved = toBody(draft.draft).answers;
  const error = (code: string) => {
    const i = saved.findIndex((a) => a.question === code);
    const found = [draft.field(`question.${code}`), i < 0 ? undefined : draft.fieldTree(`answers.${i}`)];
    return found.filter(Boolean).join("; ") || undefined;
  };
  return (
    <ArtefactFrame
      place={{ programme, artefact: "questionnaire", scope: null, path }}
      label={`${definition.title} · ${roundLabel}`}
      draft={draft}
      history={false}
    >
      {doc.content.submitted && (
        <Alert color="teal" variant="light">
          {t("planning.questionnaires.submittedNote")}
        </Alert>
      )}
      <Paper withBorder p="md">
        <Stack>
          {definition.questions.map((q) => (
            <QuestionField
              key={q.code}
              question={q}
              value={answerOf(q.code)}
              error={error(q.code)}
              readOnly={!draft.canEdit}
              onChange={(v) => set(q.code, v)}
            />
          ))}
          <Switch
            label={t("planning.questionnaires.submit")}
            description={t("planning.questionnaires.submitHint")}
            checked={draft.draft.submitted}
            disabled={!draft.canEdit}
            onChange={(e) => {
              const submitted = e.currentTarget.checked;
              draft.setDraft((d) => ({ ...d, submitted }));
            }}
          />
        </Stack>
      </Paper>
    </ArtefactFrame>
  );
}
