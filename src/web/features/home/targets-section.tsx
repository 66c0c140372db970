import { Anchor, Table } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { DataTable } from "../../app/table.tsx";
import { useFormat, useIndicatorText } from "../indicators/public.ts";
import type { Home } from "./api.ts";
import { HomeSection } from "./home-section.tsx";

/** Sites missing an indicator's target, each linked to the site's indicators in the dashboard. */
export function TargetsSection({ items }: { items: Home["belowTarget"] }) {
  const { t } = useTranslation();
  const f = useFormat();
  const { label } = useIndicatorText();
  return (
    <HomeSection id="home-targets" title={t("home.targets.title")} hint={t("home.targets.hint")}>
      <DataTable
        caption={t("home.targets.title")}
        minWidth={640}
        head={[
          t("home.targets.site"),
          t("home.targets.indicator"),
          t("home.targets.value"),
          t("home.targets.target"),
        ]}
        rowCount={items.length}
        empty={t("home.targets.none")}
      >
        {items.map((i) => (
          <Table.Tr key={`${i.programmeId}-${i.siteId}-${i.indicatorId}`}>
            <Table.Td>
              <Anchor
                component={Link}
                to={`/programmes/${i.programmeId}/dashboard/sites/${encodeURIComponent(i.siteCode)}`}
                aria-label={t("home.targets.open", { site: i.siteCode, programme: i.programmeCode })}
              >
                {i.siteCode}
              </Anchor>{" "}
              · {i.programmeCode}
            </Table.Td>
            <Table.Td>{label({ id: i.indicatorId, label: i.label, builtIn: i.builtIn })}</Table.Td>
            <Table.Td>{f.number(i.kind, i.value)}</Table.Td>
            <Table.Td>{f.number(i.kind, i.target)}</Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
    </HomeSection>
  );
}
