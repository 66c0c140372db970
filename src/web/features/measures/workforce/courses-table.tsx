import { Anchor, Table } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { DataTable } from "../../../app/table.tsx";
import { useFormatDate, useFormatNumber } from "../labels.ts";
import type { Course } from "../types.ts";

/** Training courses with their attendance, completion and mean satisfaction. */
export function CoursesTable({ courses, caption }: { courses: Course[]; caption: string }) {
  const { t } = useTranslation();
  const date = useFormatDate();
  const num = useFormatNumber();
  return (
    <DataTable
      caption={caption}
      head={[
        t("measures.courses.title"),
        t("measures.courses.topic"),
        t("measures.courses.hours"),
        t("measures.courses.mode"),
        t("measures.courses.dates"),
        t("measures.courses.attendees"),
        t("measures.courses.completed"),
        t("measures.courses.satisfaction"),
      ]}
      rowCount={courses.length}
      empty={t("measures.courses.none")}
      minWidth={820}
    >
      {courses.map((c) => (
        <Table.Tr key={c.id}>
          <Table.Td>
            <Anchor component={Link} to={`/training/courses/${c.id}`} fw={600}>
              {c.title}
            </Anchor>{" "}
            <span style={{ fontSize: 12, color: "var(--mantine-color-dimmed)" }}>{c.code}</span>
          </Table.Td>
          <Table.Td>{c.topic}</Table.Td>
          <Table.Td>{num(c.hours, 1)}</Table.Td>
          <Table.Td>{t(`measures.courses.modes.${c.mode}`)}</Table.Td>
          <Table.Td>
            {date(c.startDate)}
            {c.endDate !== c.startDate && ` – ${date(c.endDate)}`}
          </Table.Td>
          <Table.Td>{c.attendees}</Table.Td>
          <Table.Td>{c.completed}</Table.Td>
          <Table.Td>{c.satisfaction === null ? "—" : `${num(c.satisfaction, 1)} / 5`}</Table.Td>
        </Table.Tr>
      ))}
    </DataTable>
  );
}
