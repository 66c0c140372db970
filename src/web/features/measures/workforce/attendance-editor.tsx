import { Button, Checkbox, Group, Table } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormErrors } from "../../../app/form-errors.ts";
import { FormError } from "../../../app/form-modal.tsx";
import { DataTable } from "../../../app/table.tsx";
import type { Professional } from "../../../app/types.ts";
import { notifySaved } from "../../../app/ui/notify.ts";
import { NumberField } from "../../../app/ui/number-field.tsx";
import { sentNumber } from "../../../app/ui/read-number.ts";
import { useSaveAttendance } from "../api.ts";
import type { Attendance } from "../types.ts";

interface RowDraft {
  attended: boolean;
  completed: boolean;
  satisfaction: number | string;
}

const isShown = (p: string) => /^rows\.\d+\.(professionalId|satisfaction|completed)$/.test(p) || p === "rows";

/**
 * Attendance, completion and satisfaction (1–5) of one site's professionals at a course. Those
 * already recorded stay attendees; the others are added when ticked.
 */
export function AttendanceEditor({
  courseId,
  professionals,
  attendance,
}: {
  courseId: number;
  professionals: Professional[];
  attendance: Attendance;
}) {
  const { t } = useTranslation();
  const save = useSaveAttendance(courseId);
  const { errors, fail, clear, field } = useFormErrors(isShown);
  const recorded = new Map(attendance.rows.map((r) => [r.professionalId, r]));
  const [rows, setRows] = useState<Record<number, RowDraft>>(() =>
    Object.fromEntries(
      professionals.map((p) => {
        const r = recorded.get(p.id);
        return [
          p.id,
          { attended: !!r, completed: r?.completed ?? false, satisfaction: r?.satisfaction ?? "" },
        ];
      }),
    ),
  );
  const sent = professionals.filter((p) => rows[p.id]?.attended);
  const set = (id: number, patch: Partial<RowDraft>) =>
    setRows((rs) => ({ ...rs, [id]: { ...rs[id]!, ...patch } }));
  const errorFor = (id: number, key: string) => {
    const i = sent.findIndex((p) => p.id === id);
    return i < 0 ? undefined : field(`rows.${i}.${key}`);
  };

  const submit = () => {
    clear();
    save.mutate(
      {
        rows: sent.map((p) => {
          const r = rows[p.id]!;
          return {
            professionalId: p.id,
            completed: r.completed,
            satisfaction: sentNumber(r.satisfaction),
          };
        }),
      },
      {
        onSuccess: () => notifySaved(t("measures.courses.attendanceSaved")),
        onError: fail,
      },
    );
  };

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
      noValidate
    >
      <FormError message={errors.general ?? field("rows") ?? null} />
      <DataTable
        caption={t("measures.courses.attendance")}
        head={[
          t("teams.code"),
          t("teams.profile"),
          t("measures.courses.attended"),
          t("measures.courses.completed"),
          t("measures.courses.satisfaction"),
        ]}
        rowCount={professionals.length}
        empty={t("teams.noProfessionals")}
      >
        {professionals.map((p) => {
          const r = rows[p.id]!;
          const was = recorded.has(p.id);
          return (
            <Table.Tr key={p.id}>
              <Table.Th scope="row">{p.code}</Table.Th>
              <Table.Td>{t(`profiles.${p.profile}`)}</Table.Td>
              <Table.Td>
                <Checkbox
                  aria-label={t("measures.courses.attendedBy", { code: p.code })}
                  checked={r.attended}
                  disabled={was}
                  onChange={(e) => set(p.id, { attended: e.currentTarget.checked })}
                  error={errorFor(p.id, "professionalId")}
                />
              </Table.Td>
              <Table.Td>
                <Checkbox
                  aria-label={t("measures.courses.completedBy", { code: p.code })}
                  checked={r.completed}
                  disabled={!r.attended}
                  onChange={(e) => set(p.id, { completed: e.currentTarget.checked })}
                />
              </Table.Td>
              <Table.Td>
                <NumberField
                  aria-label={t("measures.courses.satisfactionOf", { code: p.code })}
                  value={r.satisfaction}
                  onChange={(v) => set(p.id, { satisfaction: v })}
                  disabled={!r.attended}
                  min={1}
                  max={5}
                  allowDecimal={false}
                  placeholder="1–5"
                  w={90}
                  size="xs"
                  error={errorFor(p.id, "satisfaction")}
                />
              </Table.Td>
            </Table.Tr>
          );
        })}
      </DataTable>
      <Group justify="flex-end" mt="sm">
        <Button type="submit" loading={save.isPending} disabled={sent.length === 0}>
          {t("measures.courses.saveAttendance")}
        </Button>
      </Group>
    </form>
  );
}
