import { Group, Stack, Table, Text, TextInput } from "@mantine/core";
import { Fragment, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSetMembers } from "../../../app/data/registry.ts";
import type { GroupDetail } from "../../../app/data/registry-types.ts";
import { FormModal } from "../../../app/form-modal.tsx";
import { TableHead } from "../../../app/table.tsx";
import { todayIso } from "../../../app/today.ts";
import { RemoveIcon } from "../../../app/ui/list-buttons.tsx";
import { ModalDateField } from "../../../app/ui/modal-date-field.tsx";
import { useModalSave } from "../../../app/ui/modal-save.ts";
import { PatientPicker } from "../patients/patient-picker.tsx";

interface Row {
  patientId: number;
  patientCode: string;
  joinedDate: string | null;
  leftDate: string | null;
  /** Asked for when the server says the patient is already in another running DBT skills group. */
  secondGroupReason?: string | null;
}

/** A new member joins today, or on the first day of a group that has not started yet. */
const joinDate = (g: GroupDetail) => [todayIso(), g.startDate].sort()[1]!;

const isShown = (p: string) =>
  p === "members" || /^members\.\d+\.(patientId|joinedDate|leftDate|secondGroupReason)$/.test(p);

/**
 * The group's members as one list, saved at once: add patients of the site, set when they joined
 * and left. The server checks the capacity (IMR: 8 at a time) and names the rows it refuses.
 */
export function GroupMembersModal({ group, onClose }: { group: GroupDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useModalSave(useSetMembers(group.id), {
    isShown,
    onClose,
    saved: () => t("registry.groups.membersSaved"),
    labels: (path) =>
      path.endsWith(".secondGroupReason") ? t("registry.groups.secondGroupReason") : undefined,
  });
  const [rows, setRows] = useState<Row[]>(group.members);
  const ids = new Set(rows.map((r) => r.patientId));
  const active = rows.filter((r) => !r.leftDate).length;
  const setRow = (i: number, patch: Partial<Row>) =>
    setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));

  const submit = () => {
    form.save({
      members: rows.map((r) => ({
        patientId: r.patientId,
        joinedDate: r.joinedDate ?? "",
        leftDate: r.leftDate,
        // An emptied reason is sent as none: the server asks for it again, beside the row
        ...(r.secondGroupReason === undefined
          ? {}
          : { secondGroupReason: r.secondGroupReason?.trim() || null }),
      })),
    });
  };

  return (
    <FormModal
      {...form.frame}
      size="xl"
      title={t("registry.groups.membersTitle", { name: group.name })}
      onSubmit={submit}
    >
      <Stack gap="xs">
        <Text
          size="sm"
          c={form.field("members") ? "red.9" : "dimmed"}
          role={form.field("members") ? "alert" : undefined}
        >
          {form.field("members") ??
            (group.maxSize === null
              ? t("registry.groups.activeCount", { count: active })
              : t("registry.groups.activeOf", { count: active, max: group.maxSize }))}
        </Text>
        <Table verticalSpacing={4}>
          <caption className="visually-hidden">
            {t("registry.groups.membersTitle", { name: group.name })}
          </caption>
          <TableHead
            head={[
              t("registry.patient.code"),
              t("registry.groups.joined"),
              t("registry.groups.left"),
              <span key="actions" className="visually-hidden">
                {t("common.actions")}
              </span>,
            ]}
          />
          <Table.Tbody>
            {rows.map((r, i) => (
              <Fragment key={r.patientId}>
                <Table.Tr>
                  <Table.Td>
                    <Text ff="monospace" size="sm">
                      {r.patientCode}
                    </Text>
                    {form.field(`members.${i}.patientId`) && (
                      <Text size="xs" c="red.9">
                        {form.field(`members.${i}.patientId`)}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <ModalDateField
                      label={t("registry.groups.joinedOf", { code: r.patientCode })}
                      labelProps={{ className: "visually-hidden" }}
                      clearable={false}
                      size="xs"
                      value={r.joinedDate}
                      onChange={(v) => setRow(i, { joinedDate: v })}
                      error={form.field(`members.${i}.joinedDate`)}
                    />
                  </Table.Td>
                  <Table.Td>
                    <ModalDateField
                      label={t("registry.groups.leftOf", { code: r.patientCode })}
                      labelProps={{ className: "visually-hidden" }}
                      size="xs"
                      value={r.leftDate}
                      onChange={(v) => setRow(i, { leftDate: v })}
                      error={form.field(`members.${i}.leftDate`)}
                    />
                  </Table.Td>
                  <Table.Td>
                    <RemoveIcon
                      color="red.9"
                      onClick={() => setRows((rs) => rs.filter((_, j) => j !== i))}
                      label={t("registry.groups.removeMember", { code: r.patientCode })}
                    />
                  </Table.Td>
                </Table.Tr>
                {(r.secondGroupReason !== undefined || form.field(`members.${i}.secondGroupReason`)) && (
                  // The override, beside the row it concerns: the patient is in another running
                  // DBT skills group, and whoever adds them says why
                  <Table.Tr>
                    <Table.Td colSpan={4}>
                      <TextInput
                        size="xs"
                        label={t("registry.groups.secondGroupReasonOf", { code: r.patientCode })}
                        required
                        value={r.secondGroupReason ?? ""}
                        onChange={(e) => setRow(i, { secondGroupReason: e.currentTarget.value })}
                        error={form.field(`members.${i}.secondGroupReason`)}
                      />
                    </Table.Td>
                  </Table.Tr>
                )}
              </Fragment>
            ))}
          </Table.Tbody>
        </Table>
        <Group align="flex-end">
          <div style={{ flex: 1, maxWidth: 320 }}>
            <PatientPicker
              siteId={group.siteId}
              label={t("registry.groups.addMember")}
              value={null}
              clearOnPick
              exclude={ids}
              onChange={(p) => {
                if (p)
                  setRows((rs) => [
                    ...rs,
                    { patientId: p.id, patientCode: p.code, joinedDate: joinDate(group), leftDate: null },
                  ]);
              }}
            />
          </div>
        </Group>
      </Stack>
    </FormModal>
  );
}
