import { Anchor, Paper, Table, Tabs, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { Page, QueryView } from "../../../app/page.tsx";
import { DataTable } from "../../../app/table.tsx";
import { useFidelityScales, useInstruments } from "../api.ts";
import { FidelityScaleCard } from "../fidelity/fidelity-scale-card.tsx";
import { useFormatNumber } from "../labels.ts";

/** The instruments' columns after code and name, as keys under `measures.library`. */
const LIBRARY_HEADS = ["items", "range", "respondents", "wording"] as const;

/** The library: every instrument (with its licence status) and every fidelity scale, as data. */
export function LibraryPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab = params.get("tab") ?? "instruments";
  const instruments = useInstruments();
  const scales = useFidelityScales();
  const num = useFormatNumber();
  return (
    <Page title={t("measures.library.title")} subtitle={t("measures.library.subtitle")}>
      <Tabs value={tab} onChange={(v) => v && setParams({ tab: v }, { replace: true })}>
        <Tabs.List mb="md">
          <Tabs.Tab value="instruments">{t("measures.library.instruments")}</Tabs.Tab>
          <Tabs.Tab value="scales">{t("measures.nav.fidelityScales")}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="instruments">
          <Paper withBorder p="md">
            <QueryView query={instruments}>
              {(list) => (
                <DataTable
                  caption={t("measures.library.instruments")}
                  head={[
                    t("common.code"),
                    t("common.name"),
                    ...LIBRARY_HEADS.map((k) => t(`measures.library.${k}`)),
                  ]}
                  rowCount={list.length}
                  empty="—"
                  minWidth={760}
                >
                  {list.map((i) => (
                    <Table.Tr key={i.code}>
                      <Table.Th scope="row">
                        <Anchor component={Link} to={`/measures/library/${encodeURIComponent(i.code)}`}>
                          {i.code}
                        </Anchor>
                      </Table.Th>
                      <Table.Td>{i.name}</Table.Td>
                      <Table.Td>{i.items}</Table.Td>
                      <Table.Td>
                        {i.total ? `${num(i.total.min)}–${num(i.total.max)}` : t("measures.library.noTotal")}
                      </Table.Td>
                      <Table.Td>
                        {i.respondents.map((r) => t(`measures.respondents.${r}`)).join(", ")}
                      </Table.Td>
                      <Table.Td>
                        <Text
                          size="sm"
                          fw={600}
                          c={i.textsIncluded ? "teal.9" : i.wordingLoaded ? "blue.9" : "gray.7"}
                        >
                          {i.textsIncluded
                            ? t("measures.library.textsIncluded")
                            : i.wordingLoaded
                              ? t("measures.library.wordingLoaded")
                              : t("measures.library.scoreOnly")}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </DataTable>
              )}
            </QueryView>
            <Text size="xs" c="dimmed" mt="sm">
              {t("measures.library.licenceHint")}
            </Text>
          </Paper>
        </Tabs.Panel>
        <Tabs.Panel value="scales">
          <QueryView query={scales}>
            {(list) => (
              <>
                {list.map((s) => (
                  <FidelityScaleCard key={s.code} scale={s} />
                ))}
              </>
            )}
          </QueryView>
        </Tabs.Panel>
      </Tabs>
    </Page>
  );
}
