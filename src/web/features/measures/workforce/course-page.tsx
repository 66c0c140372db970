import { Group, Paper, Select, Stack, Table, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { useProfessionals } from "../../../app/data/teams.ts";
import { ErrorAlert, Page, QueryView } from "../../../app/page.tsx";
import { useCurrentUser } from "../../../app/session.ts";
import { DataTable } from "../../../app/table.tsx";
import { TitledPanel } from "../../../app/ui/titled-panel.tsx";
import { useAttendance, useCourses } from "../api.ts";
import { useFormatDate, useFormatNumber } from "../labels.ts";
import { Tag } from "../tag.tsx";
import type { Attendance, Course } from "../types.ts";
import { AttendanceEditor } from "./attendance-editor.tsx";

/** One training course: what it was, who attended and completed it, how they rated it; attendance entry per site. */
export function CoursePage() {
  const id = Number(useParams().id);
  const courses = useCourses({});
  const attendance = useAttendance(id);
  return (
    <QueryView query={courses}>
      {(list) => {
        const course = list.find((c) => c.id === id);
        if (!course) return <ErrorAlert error={null} />;
        return (
          <QueryView query={attendance}>{(a) => <CourseView course={course} attendance={a} />}</QueryView>
        );
      }}
    </QueryView>
  );
}

function CourseView({ course: c, attendance }: { course: Course; attendance: Attendance }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const date = useFormatDate();
  const num = useFormatNumber();
  const managed = me.sites.filter((s) => s.canManage && (c.siteId === null || c.siteId === s.id));
  const [siteId, setSiteId] = useState<string | null>(managed[0] ? String(managed[0].id) : null);
  const professionals = useProfessionals(Number(siteId ?? 0), siteId !== null);
  const codeOf = new Map(me.sites.map((s) => [s.id, s.code]));
  return (
    <Page
      title={c.title}
      subtitle={`${c.code} · ${c.topic} · ${t(`measures.courses.modes.${c.mode}`)} · ${t("measures.courses.hoursN", { hours: num(c.hours, 1) })} · ${date(c.startDate)}${c.endDate !== c.startDate ? ` – ${date(c.endDate)}` : ""}`}
      crumbs={
        c.programmeId
          ? [
              { label: t("measures.funnel.nav"), to: `/programmes/${c.programmeId}/training` },
              { label: c.code },
            ]
          : undefined
      }
    >
      <Group gap="sm">
        <Tag variant="light" tt="none">
          {t("measures.courses.attendeesN", { count: c.attendees })}
        </Tag>
        <Tag variant="light" color="green" tt="none">
          {t("measures.courses.completedN", { count: c.completed })}
        </Tag>
        <Tag variant="light" color="yellow" tt="none">
          {t("measures.courses.satisfaction")}:{" "}
          {c.satisfaction === null ? "—" : `${num(c.satisfaction, 1)} / 5`}
        </Tag>
      </Group>
      <TitledPanel title={t("measures.courses.attendance")}>
        <DataTable
          caption={t("measures.courses.attendees")}
          head={[
            t("teams.code"),
            t("measures.funnel.site"),
            t("teams.profile"),
            t("measures.courses.completed"),
            t("measures.courses.satisfaction"),
          ]}
          rowCount={attendance.rows.length}
          empty={t("measures.courses.noAttendees")}
        >
          {attendance.rows.map((r) => (
            <Table.Tr key={r.professionalId}>
              <Table.Th scope="row">{r.professionalCode}</Table.Th>
              <Table.Td>{codeOf.get(r.siteId) ?? `#${r.siteId}`}</Table.Td>
              <Table.Td>{t(`profiles.${r.profile}`)}</Table.Td>
              <Table.Td>{r.completed ? t("common.yes") : t("common.no")}</Table.Td>
              <Table.Td>{num(r.satisfaction)}</Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      </TitledPanel>
      {managed.length > 0 && (
        <Paper withBorder p="md" component="section" aria-labelledby="record-attendance">
          <Stack gap="sm">
            <Group justify="space-between" align="flex-end">
              <Title order={2} size="h4" id="record-attendance">
                {t("measures.courses.recordAttendance")}
              </Title>
              <Select
                label={t("measures.funnel.site")}
                data={managed.map((s) => ({ value: String(s.id), label: s.code }))}
                value={siteId}
                onChange={setSiteId}
                allowDeselect={false}
                w={220}
              />
            </Group>
            <Text size="sm" c="dimmed">
              {t("measures.courses.attendanceHint")}
            </Text>
            <QueryView query={professionals}>
              {(list) => (
                <AttendanceEditor key={siteId} courseId={c.id} professionals={list} attendance={attendance} />
              )}
            </QueryView>
          </Stack>
        </Paper>
      )}
    </Page>
  );
}
