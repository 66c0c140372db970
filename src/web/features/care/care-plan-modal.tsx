import { Divider, Group, Paper, Select, Stack, Text, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ACTION_STATUSES, type ActionStatus } from "../../../shared/care.ts";
import { AddButton, RemoveIcon } from "../../app/ui/list-buttons.tsx";
import { ModalDateField } from "../../app/ui/modal-date-field.tsx";
import { useModalSave } from "../../app/ui/modal-save.ts";
import { useSaveCarePlan } from "./api.ts";
import { PlanModalFrame } from "./plan-modal-frame.tsx";
import type { CarePlan, PatientCare } from "./types.ts";
import { WhoSelect, whoOf, whoValue } from "./who-select.tsx";

interface ActionDraft {
  text: string;
  goal: string | null;
  who: string | null;
  dueDate: string | null;
  status: ActionStatus;
}

const SHOWN = /^(reviewDate|goals|actions|goals\.\d+\.text|actions\.\d+\.(text|goal|who|dueDate|status))$/;
/** `actions.0.who.serviceId` is shown at the action's who. */
const place = (i: { field: string }) =>
  i.field.replace(/^body\./, "").replace(/(actions\.\d+\.who)\..*$/, "$1");

/** Edit a care plan's goals and actions (who, due date, status) and its review date: a new version. */
export function CarePlanModal({
  patientId,
  plan,
  care,
  onClose,
  onReload,
}: {
  patientId: number;
  plan: CarePlan;
  care: PatientCare;
  onClose: () => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const form = useModalSave(useSaveCarePlan(patientId), {
    isShown: (p) => SHOWN.test(p),
    onClose,
    saved: (saved) => t("care.carePlan.saved", { code: saved.planCode, version: saved.version }),
    place,
    labels: (path) => {
      const last = path.split(".").pop() ?? "";
      if (path === "reviewDate") return t("care.carePlan.fields.reviewDate");
      if (path.startsWith("goals")) return t("care.carePlan.fields.goalText");
      if (last === "text") return t("care.carePlan.fields.actionText");
      if (["goal", "who", "dueDate", "status"].includes(last))
        return t(`care.carePlan.fields.${last as "goal"}`);
      return undefined;
    },
  });
  const [goals, setGoals] = useState<string[]>(() =>
    plan.goals.length ? plan.goals.map((g) => g.text) : [""],
  );
  const [actions, setActions] = useState<ActionDraft[]>(() =>
    plan.actions.map((a) => ({
      text: a.text,
      goal: String(a.goal),
      who: whoValue(a.who),
      dueDate: a.dueDate,
      status: a.status,
    })),
  );
  const [reviewDate, setReviewDate] = useState<string | null>(plan.reviewDate);
  const setAction = (i: number, patch: Partial<ActionDraft>) =>
    setActions((list) => list.map((a, j) => (j === i ? { ...a, ...patch } : a)));
  const goalOptions = goals.map((g, i) => ({
    value: String(i),
    label: `${t("care.carePlan.goalN", { n: i + 1 })}${g.trim() ? ` — ${g.trim().slice(0, 60)}` : ""}`,
  }));

  const submit = () =>
    form.save({
      planId: plan.planId,
      body: {
        baseVersion: plan.version,
        goals: goals.map((text) => ({ text })),
        actions: actions.map((a) => ({
          text: a.text,
          goal: (a.goal === null ? null : Number(a.goal)) as number,
          who: whoOf(a.who) as never,
          dueDate: a.dueDate,
          status: a.status,
        })),
        reviewDate,
      },
    });

  return (
    <PlanModalFrame
      form={form}
      title={t("care.carePlan.modalTitle", { code: plan.planCode })}
      onSubmit={submit}
      onClose={onClose}
      onReload={onReload}
    >
      <Text fw={600}>{t("care.carePlan.goals")}</Text>
      {goals.map((g, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a goal's identity is its position
        <Group key={i} align="flex-end" wrap="nowrap">
          <TextInput
            style={{ flex: 1 }}
            label={t("care.carePlan.goalN", { n: i + 1 })}
            required
            maxLength={500}
            value={g}
            onChange={(e) => {
              const v = e.currentTarget.value;
              setGoals((list) => list.map((x, j) => (j === i ? v : x)));
            }}
            error={form.field(`goals.${i}.text`)}
          />
          <RemoveIcon
            mb={4}
            label={t("care.carePlan.removeGoal", { n: i + 1 })}
            onClick={() => setGoals((list) => list.filter((_, j) => j !== i))}
          />
        </Group>
      ))}
      <Group>
        <AddButton onClick={() => setGoals((list) => [...list, ""])}>{t("care.carePlan.addGoal")}</AddButton>
      </Group>
      <Divider />
      <Text fw={600}>{t("care.carePlan.actions")}</Text>
      {actions.map((a, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: actions are kept in order, without ids
        <Paper key={i} withBorder p="sm" role="group" aria-label={t("care.carePlan.actionN", { n: i + 1 })}>
          <Stack gap="xs">
            <Group justify="space-between">
              <Text size="sm" fw={600}>
                {t("care.carePlan.actionN", { n: i + 1 })}
              </Text>
              <RemoveIcon
                label={t("care.carePlan.removeAction", { n: i + 1 })}
                onClick={() => setActions((list) => list.filter((_, j) => j !== i))}
              />
            </Group>
            <TextInput
              label={t("care.carePlan.fields.actionText")}
              required
              maxLength={500}
              value={a.text}
              onChange={(e) => setAction(i, { text: e.currentTarget.value })}
              error={form.field(`actions.${i}.text`)}
            />
            <Group grow align="flex-start">
              <Select
                label={t("care.carePlan.fields.goal")}
                required
                placeholder={t("common.choose")}
                data={goalOptions}
                value={a.goal}
                onChange={(v) => setAction(i, { goal: v })}
                error={form.field(`actions.${i}.goal`)}
              />
              <WhoSelect
                label={t("care.carePlan.fields.who")}
                value={a.who}
                onChange={(v) => setAction(i, { who: v })}
                care={care}
                siteId={plan.siteId}
                error={form.field(`actions.${i}.who`)}
              />
            </Group>
            <Group grow align="flex-start">
              <ModalDateField
                label={t("care.carePlan.fields.dueDate")}
                value={a.dueDate}
                onChange={(v) => setAction(i, { dueDate: v })}
                error={form.field(`actions.${i}.dueDate`)}
              />
              <Select
                label={t("care.carePlan.fields.status")}
                required
                allowDeselect={false}
                data={ACTION_STATUSES.map((s) => ({ value: s, label: t(`care.status.${s}`) }))}
                value={a.status}
                onChange={(v) => v && setAction(i, { status: v as ActionStatus })}
                error={form.field(`actions.${i}.status`)}
              />
            </Group>
          </Stack>
        </Paper>
      ))}
      <Group>
        <AddButton
          onClick={() =>
            setActions((list) => [
              ...list,
              {
                text: "",
                goal: goals.length === 1 ? "0" : null,
                who: null,
                dueDate: null,
                status: "planned",
              },
            ])
          }
        >
          {t("care.carePlan.addAction")}
        </AddButton>
      </Group>
      <Divider />
      <ModalDateField
        label={t("care.carePlan.fields.reviewDate")}
        value={reviewDate}
        onChange={setReviewDate}
        error={form.field("reviewDate")}
      />
    </PlanModalFrame>
  );
}
