import { Anchor, Badge, Table } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { DataTable } from "../../app/table.tsx";
import { useFormatDate } from "../registry/public.ts";
import type { Home } from "./api.ts";
import { HomeSection } from "./home-section.tsx";

/** Sites whose fidelity review is due, each linked to the site's reviews. */
export function FidelitySection({ items }: { items: Home["fidelityDue"] }) {
  const { t } = useTranslation();
  const date = useFormatDate();
  return (
    <HomeSection id="home-fidelity" title={t("home.fidelity.title")} hint={t("home.fidelity.hint")}>
      <DataTable
        caption={t("home.fidelity.title")}
        minWidth={560}
        head={[t("home.fidelity.site"), t("home.fidelity.lastReview"), t("home.fidelity.dueOn")]}
        rowCount={items.length}
        empty={t("home.fidelity.none")}
      >
        {items.map((i) => (
          <Table.Tr key={`${i.programmeId}-${i.siteId}`}>
            <Table.Td>
              <Anchor component={Link} to={`/sites/${i.siteId}/fidelity`}>
                {i.siteCode}
              </Anchor>{" "}
              · {i.programmeCode}
            </Table.Td>
            <Table.Td>{i.lastReview ? date(i.lastReview) : t("home.fidelity.never")}</Table.Td>
            <Table.Td>
              {i.dueOn && `${date(i.dueOn)} `}
              <Badge variant="light" color={i.overdue ? "red" : "blue"} tt="none">
                {i.overdue ? t("home.fidelity.overdue") : t("home.fidelity.dueSoon")}
              </Badge>
            </Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
    </HomeSection>
  );
}
