import { Group, List, SimpleGrid, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { Page, QueryView } from "../../../app/page.tsx";
import { useCurrentUser } from "../../../app/session.ts";
import { DataTable } from "../../../app/table.tsx";
import { TitledPanel } from "../../../app/ui/titled-panel.tsx";
import { useInstrument } from "../api.ts";
import { useFormatNumber } from "../labels.ts";
import { Tag } from "../tag.tsx";
import type { InstrumentDetail } from "../types.ts";
import { BandLadder } from "./band-ladder.tsx";
import { useInstrumentText } from "./instrument-text.ts";
import { WordingForm } from "./wording-form.tsx";

/** One instrument of the library: items and answers, scoring, bands, flags, reliable change, licence. */
export function InstrumentPage() {
  const code = decodeURIComponent(useParams().code ?? "");
  const { i18n } = useTranslation();
  const instrument = useInstrument(code, i18n.language.slice(0, 2));
  return <QueryView query={instrument}>{(d) => <InstrumentView instrument={d} />}</QueryView>;
}

function InstrumentView({ instrument: d }: { instrument: InstrumentDetail }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const num = useFormatNumber();
  const text = useInstrumentText();
  return (
    <Page
      title={`${d.code} — ${d.name}`}
      subtitle={t("measures.library.version", { version: d.version })}
      crumbs={[{ label: t("measures.library.title"), to: "/measures/library" }, { label: d.code }]}
    >
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <TitledPanel title={t("measures.library.scoring")}>
          <List size="sm" spacing={4}>
            <List.Item>
              {d.total
                ? t("measures.library.totalRule", {
                    method: d.total.method,
                    min: num(d.total.min),
                    max: num(d.total.max),
                  })
                : t("measures.library.noTotal")}
            </List.Item>
            <List.Item>
              {d.higherIsBetter ? t("measures.outcomes.higherBetter") : t("measures.outcomes.lowerBetter")}
            </List.Item>
            <List.Item>
              {t("measures.library.respondentsAre", {
                list: d.respondents.map((r) => t(`measures.respondents.${r}`)).join(", "),
              })}
            </List.Item>
            {d.reliableChange && (
              <List.Item>
                {t("measures.score.reliableChange", {
                  points: num(d.reliableChange.points),
                  source: text(d.reliableChange.source),
                })}
              </List.Item>
            )}
            {d.subscales.map((s) => (
              <List.Item key={s.code}>
                {text(s.name)}: {t("measures.library.itemsList", { items: s.items.join(", ") })}
              </List.Item>
            ))}
            {d.flags.map((f) => (
              <List.Item key={f.code}>
                <Tag color="red" variant="light" size="sm" tt="none" mr={6}>
                  {f.code.replaceAll("_", " ")}
                </Tag>
                {text(f.message)}
              </List.Item>
            ))}
            {d.notes.map((n) => (
              <List.Item key={n}>{text(n)}</List.Item>
            ))}
          </List>
          {d.bands.length > 0 && (
            <>
              <Text size="sm" fw={600} mt="sm" mb={4}>
                {t("measures.score.bands")}
              </Text>
              <BandLadder instrument={d} current={null} />
            </>
          )}
        </TitledPanel>
        <TitledPanel title={t("measures.library.source")}>
          <Text size="sm" mb="xs">
            {d.source}
          </Text>
          <Text size="sm" c="dimmed" mb="xs">
            {d.licenceNotice}
          </Text>
          {(d.loinc.panel || d.loinc.total) && (
            <Text size="xs" c="dimmed">
              LOINC: {[d.loinc.panel, d.loinc.total].filter(Boolean).join(" / ")}
            </Text>
          )}
          <Group mt="sm">
            {d.textsIncluded ? (
              <Tag color="green">{t("measures.library.textsIncluded")}</Tag>
            ) : d.wordingLoaded ? (
              <Tag color="blue" variant="light" tt="none">
                {t("measures.library.wordingLoaded")}
              </Tag>
            ) : (
              <Tag color="gray" variant="light" tt="none">
                {t("measures.library.scoreOnly")}
              </Tag>
            )}
          </Group>
        </TitledPanel>
      </SimpleGrid>
      <TitledPanel title={t("measures.library.itemsN", { count: d.itemCount })}>
        {d.instructions && (
          <Text size="sm" fs="italic" mb="sm">
            {d.instructions}
          </Text>
        )}
        <DataTable
          caption={t("measures.library.itemsN", { count: d.itemCount })}
          head={[
            t("measures.fidelity.item"),
            t("measures.library.wordingCol"),
            t("measures.library.answers"),
          ]}
          rowCount={d.items.length}
          empty="—"
        >
          {d.items.map((i) => (
            <Table.Tr key={i.id}>
              <Table.Th scope="row">{i.id}</Table.Th>
              <Table.Td>
                {(i.text && text(i.text)) ?? (
                  <Text span size="sm" c="dimmed">
                    {t("measures.library.noWording")}
                  </Text>
                )}
                {i.reversed && (
                  <Tag ml={6} size="xs" variant="outline" color="gray.7" tt="none">
                    {t("measures.form.reversed")}
                  </Tag>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm">
                  {i.options.map((o) => (o.label ? `${o.value} ${o.label}` : o.value)).join(" · ")}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      </TitledPanel>
      {me.isAdmin && !d.textsIncluded && <WordingForm instrument={d} />}
    </Page>
  );
}
