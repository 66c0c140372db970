import { Anchor, Button, Group, Paper, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useFormErrors } from "../../../app/form-errors.ts";
import { FormError } from "../../../app/form-modal.tsx";
import { Page, QueryView } from "../../../app/page.tsx";
import { useCurrentUser } from "../../../app/session.ts";
import { DataTable } from "../../../app/table.tsx";
import { ModalDateField } from "../../../app/ui/modal-date-field.tsx";
import { notifySaved } from "../../../app/ui/notify.ts";
import { editsDefinitions, readableSites, seesAcrossSites } from "../access.ts";
import { useCreateRound, useQuestionnaires } from "../api.ts";
import { PlanningRoute } from "../artefact-route.tsx";
import { useCivilDate } from "../format.ts";
import { planningUrl } from "../scope.ts";
import type { QuestionnaireSummary } from "../types.ts";
import type { PlanningProgramme } from "../use-planning-programme.ts";

/** The programme's progress questionnaires, their rounds, and the way to each site's answers and the results. */
export function QuestionnairesPage() {
  return <PlanningRoute>{(programme) => <Questionnaires programme={programme} />}</PlanningRoute>;
}

function Questionnaires({ programme }: { programme: PlanningProgramme }) {
  const { t } = useTranslation();
  const list = useQuestionnaires(programme.id);
  return (
    <Page
      title={t("planning.questionnaires.title")}
      subtitle={t("planning.questionnaires.subtitle")}
      crumbs={[
        { label: t("nav.programmes"), to: "/programmes" },
        { label: programme.code, to: `/programmes/${programme.id}` },
        { label: t("planning.title"), to: planningUrl(programme.id) },
        { label: t("planning.questionnaires.title") },
      ]}
    >
      <QueryView query={list}>
        {(qs) =>
          qs.length === 0 ? (
            <Text c="dimmed">{t("planning.questionnaires.none")}</Text>
          ) : (
            <Stack>
              {qs.map((q) => (
                <QuestionnaireCard key={q.id} programme={programme} questionnaire={q} />
              ))}
            </Stack>
          )
        }
      </QueryView>
    </Page>
  );
}

function QuestionnaireCard({
  programme,
  questionnaire: q,
}: {
  programme: PlanningProgramme;
  questionnaire: QuestionnaireSummary;
}) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const date = useCivilDate();
  const sites = readableSites(me, programme.id, programme.sites);
  const url = (...p: Array<string | number>) => planningUrl(programme.id, "questionnaires", q.id, ...p);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={`q-${q.id}`}>
      <Group justify="space-between">
        <div>
          <Title order={2} size="h4" id={`q-${q.id}`}>
            {q.title}
          </Title>
          <Text size="sm" c="dimmed">
            {t("planning.questionnaires.facts", { code: q.code, version: q.version, count: q.questions })}
          </Text>
        </div>
        {seesAcrossSites(me, programme.id) && q.rounds.length > 0 && (
          <Button component={Link} to={url("results")} variant="default">
            {t("planning.questionnaires.results")}
          </Button>
        )}
      </Group>
      <DataTable
        caption={t("planning.questionnaires.rounds", { title: q.title })}
        head={[
          t("planning.questionnaires.round"),
          t("planning.questionnaires.open"),
          t("planning.questionnaires.responses"),
          t("planning.questionnaires.answer"),
        ]}
        rowCount={q.rounds.length}
        empty={t("planning.questionnaires.noRounds")}
      >
        {q.rounds.map((r) => (
          <Table.Tr key={r.id}>
            <Table.Td>
              <Text size="sm" fw={600}>
                {r.label}
              </Text>
              <Text size="xs" c="dimmed">
                {t("planning.questionnaires.asksVersion", { version: r.definitionVersion })}
              </Text>
            </Table.Td>
            <Table.Td>
              {date(r.opensOn)} – {date(r.closesOn)}
            </Table.Td>
            <Table.Td>{r.responses}</Table.Td>
            <Table.Td>
              <Group gap="xs">
                {sites.map((s) => (
                  <Anchor
                    key={s.siteId}
                    component={Link}
                    to={url("rounds", r.id, s.siteId)}
                    size="sm"
                    aria-label={t("planning.questionnaires.answerFor", { round: r.label, site: s.code })}
                  >
                    {s.code}
                  </Anchor>
                ))}
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
      {editsDefinitions(me, programme.id) && (
        <NewRoundForm programmeId={programme.id} questionnaireId={q.id} />
      )}
    </Paper>
  );
}

const ROUND_FIELDS = new Set(["label", "opensOn", "closesOn"]);

function NewRoundForm({ programmeId, questionnaireId }: { programmeId: number; questionnaireId: number }) {
  const { t } = useTranslation();
  const create = useCreateRound(programmeId, questionnaireId);
  const { errors, fail, clear, field } = useFormErrors((p) => ROUND_FIELDS.has(p));
  const [label, setLabel] = useState("");
  const [opensOn, setOpensOn] = useState<string | null>(null);
  const [closesOn, setClosesOn] = useState<string | null>(null);
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        clear();
        create.mutate(
          { label, opensOn: opensOn ?? "", closesOn: closesOn ?? "" },
          {
            onSuccess: () => {
              notifySaved(t("planning.questionnaires.roundCreated", { label }));
              setLabel("");
            },
            onError: fail,
          },
        );
      }}
    >
      <Title order={3} size="h5" mt="md" mb="xs">
        {t("planning.questionnaires.newRound")}
      </Title>
      <FormError message={errors.general} />
      <Group align="flex-start">
        <TextInput
          label={t("planning.questionnaires.round")}
          required
          value={label}
          error={field("label")}
          onChange={(e) => setLabel(e.currentTarget.value)}
        />
        <ModalDateField
          label={t("planning.questionnaires.opensOn")}
          required
          value={opensOn}
          error={field("opensOn")}
          onChange={setOpensOn}
        />
        <ModalDateField
          label={t("planning.questionnaires.closesOn")}
          required
          value={closesOn}
          error={field("closesOn")}
          onChange={setClosesOn}
        />
        <Button type="submit" mt={25} loading={create.isPending}>
          {t("planning.questionnaires.createRound")}
        </Button>
      </Group>
    </form>
  );
}
