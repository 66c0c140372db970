import { Anchor, Group, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { DataTable } from "../../app/table.tsx";
import { useFormatDate } from "../registry/public.ts";
import type { Home } from "./api.ts";
import { HomeSection } from "./home-section.tsx";

/** Open questionnaire rounds and the sites that have not answered, each linked to its answer page. */
export function RoundsSection({ rounds }: { rounds: Home["openRounds"] }) {
  const { t } = useTranslation();
  const date = useFormatDate();
  return (
    <HomeSection id="home-rounds" title={t("home.rounds.title")} hint={t("home.rounds.hint")}>
      <DataTable
        caption={t("home.rounds.title")}
        minWidth={640}
        head={[t("home.rounds.round"), t("home.rounds.closes"), t("home.rounds.missing")]}
        rowCount={rounds.length}
        empty={t("home.rounds.none")}
      >
        {rounds.map((r) => (
          <Table.Tr key={r.roundId}>
            <Table.Td>
              <Text size="sm" fw={600}>
                {r.questionnaireTitle} · {r.label}
              </Text>
              <Text size="xs" c="dimmed">
                {r.programmeCode} ·{" "}
                {t("home.rounds.progress", { answered: r.asked - r.missing.length, asked: r.asked })}
              </Text>
            </Table.Td>
            <Table.Td>{date(r.closesOn)}</Table.Td>
            <Table.Td>
              <Group gap="xs">
                {r.missing.map((s) => (
                  <Anchor
                    key={s.siteId}
                    component={Link}
                    size="sm"
                    to={`/programmes/${r.programmeId}/planning/questionnaires/${r.questionnaireId}/rounds/${r.roundId}/${s.siteId}`}
                    aria-label={t("home.rounds.answerAt", { round: r.label, site: s.siteCode })}
                  >
                    {s.siteCode}
                  </Anchor>
                ))}
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
    </HomeSection>
  );
}
