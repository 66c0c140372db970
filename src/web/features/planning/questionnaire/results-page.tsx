import { Badge, Group, List, Paper, Progress, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { Page, QueryView } from "../../../app/page.tsx";
import { useQuestionnaireResults } from "../api.ts";
import { PlanningRoute } from "../artefact-route.tsx";
import { useCivilDate } from "../format.ts";
import { planningUrl } from "../scope.ts";
import type { QuestionnaireResults } from "../types.ts";
import type { PlanningProgramme } from "../use-planning-programme.ts";

/** The regional view of a questionnaire: per round, who answered, who is missing, and each question's results. */
export function ResultsPage() {
  const id = Number(useParams().questionnaireId);
  return (
    <PlanningRoute>{(programme) => <Results programme={programme} questionnaireId={id} />}</PlanningRoute>
  );
}

function Results({ programme, questionnaireId }: { programme: PlanningProgramme; questionnaireId: number }) {
  const { t } = useTranslation();
  const results = useQuestionnaireResults(programme.id, questionnaireId);
  return (
    <QueryView query={results}>
      {(r) => (
        <Page
          title={t("planning.questionnaires.resultsOf", { title: r.questionnaire.title })}
          crumbs={[
            { label: t("nav.programmes"), to: "/programmes" },
            { label: programme.code, to: `/programmes/${programme.id}` },
            { label: t("planning.title"), to: planningUrl(programme.id) },
            { label: t("planning.questionnaires.title"), to: planningUrl(programme.id, "questionnaires") },
            { label: t("planning.questionnaires.results") },
          ]}
        >
          <Rounds results={r} />
        </Page>
      )}
    </QueryView>
  );
}

function Rounds({ results }: { results: QuestionnaireResults }) {
  const { t, i18n } = useTranslation();
  const date = useCivilDate();
  const number = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 });
  return (
    <Stack>
      {results.rounds.map((round) => {
        const submitted = round.responses.filter((r) => r.submitted).length;
        return (
          <Paper key={round.id} withBorder p="md" component="section" aria-labelledby={`round-${round.id}`}>
            <Title order={2} size="h4" id={`round-${round.id}`}>
              {round.label}
            </Title>
            <Text size="sm" c="dimmed">
              {date(round.opensOn)} – {date(round.closesOn)} ·{" "}
              {t("planning.questionnaires.submittedCount", {
                n: submitted,
                total: submitted + round.responses.filter((r) => !r.submitted).length + round.missing.length,
              })}
            </Text>
            {round.missing.length > 0 && (
              <Text size="sm" mt={4}>
                {t("planning.questionnaires.missing", { sites: round.missing.join(", ") })}
              </Text>
            )}
            <Stack mt="md" gap="md">
              {round.questions.map((q) => (
                <div key={q.code}>
                  <Text size="sm" fw={600}>
                    {q.text}
                  </Text>
                  <Text size="xs" c="dimmed" mb={4}>
                    {t("planning.questionnaires.answered", { count: q.answered })}
                  </Text>
                  {q.options.map((o) => (
                    <Group key={o.code} gap="xs" wrap="nowrap">
                      <Text size="sm" w={220} truncate>
                        {o.label}
                      </Text>
                      <Progress
                        value={q.answered ? (100 * o.count) / q.answered : 0}
                        w={160}
                        size="sm"
                        aria-hidden="true"
                      />
                      <Text size="sm" w={30}>
                        {o.count}
                      </Text>
                      <Group gap={4}>
                        {o.sites.map((s) => (
                          <Badge key={s} variant="outline" color="gray.7" size="sm" tt="none">
                            {s}
                          </Badge>
                        ))}
                      </Group>
                    </Group>
                  ))}
                  {q.numbers && q.numbers.n > 0 && (
                    <Text size="sm">
                      {t("planning.questionnaires.numbers", {
                        n: q.numbers.n,
                        mean: q.numbers.mean === null ? "—" : number.format(q.numbers.mean),
                        min: q.numbers.min === null ? "—" : number.format(q.numbers.min),
                        max: q.numbers.max === null ? "—" : number.format(q.numbers.max),
                      })}
                    </Text>
                  )}
                  {q.texts.length > 0 && (
                    <List size="sm" spacing={2}>
                      {q.texts.map((x) => (
                        <List.Item key={`${x.site}-${x.text}`}>
                          <Text span fw={600} size="sm">
                            {x.site}
                          </Text>
                          : {x.text}
                        </List.Item>
                      ))}
                    </List>
                  )}
                </div>
              ))}
            </Stack>
          </Paper>
        );
      })}
    </Stack>
  );
}
