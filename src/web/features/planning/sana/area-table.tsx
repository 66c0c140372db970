import { Paper, Table, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ScrollTable } from "../../../app/table.tsx";

/**
 * One thematic area of the SANA as a section: its title (and description, when the page shows
 * one), then its indicators as the rows of a table whose first column names them. `head` are the
 * other columns' headings, `children` the rows.
 */
export function AreaTable({
  id,
  area,
  description,
  minWidth,
  striped,
  head,
  children,
}: {
  id: string;
  area: { title: string };
  /** The area's description; a page that shows none gives the title its own gap instead. */
  description?: string;
  minWidth: number;
  striped?: boolean;
  head: ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id}>
      <Title order={2} size="h4" mb={description === undefined ? "xs" : undefined} id={id}>
        {area.title}
      </Title>
      {description && (
        <Text size="sm" c="dimmed" mb="xs">
          {description}
        </Text>
      )}
      <ScrollTable minWidth={minWidth}>
        <Table striped={striped} verticalSpacing={6} captionSide="top">
          <caption className="visually-hidden">{area.title}</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("planning.sana.indicator")}</Table.Th>
              {head}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>{children}</Table.Tbody>
        </Table>
      </ScrollTable>
    </Paper>
  );
}
