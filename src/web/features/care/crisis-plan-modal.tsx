import { Divider, Group, MultiSelect, Select, Text, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { todayIso } from "../../app/today.ts";
import { AddButton, RemoveIcon } from "../../app/ui/list-buttons.tsx";
import { ModalDateField } from "../../app/ui/modal-date-field.tsx";
import { useModalSave } from "../../app/ui/modal-save.ts";
import { NoteField } from "../../app/ui/note-field.tsx";
import { useSaveCrisisPlan } from "./api.ts";
import { PlanModalFrame } from "./plan-modal-frame.tsx";
import type { PatientCare } from "./types.ts";
import { WhoSelect, whoOf, whoValue } from "./who-select.tsx";

const SHOWN =
  /^(siteId|planDate|warningSigns|whatHelps|actions|contactServiceIds|reviewDate|actions\.\d+\.(text|who))$/;
const place = (i: { field: string }) =>
  i.field
    .replace(/^body\./, "")
    .replace(/(actions\.\d+\.who)\..*$/, "$1")
    .replace(/^contactServiceIds\.\d+$/, "contactServiceIds");

/** Write or change the patient's crisis plan: a new version. */
export function CrisisPlanModal({
  patient,
  care,
  siteCodes,
  onClose,
  onReload,
}: {
  patient: { id: number; code: string };
  care: PatientCare;
  siteCodes: Map<number, string>;
  onClose: () => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const plan = care.crisisPlan;
  const form = useModalSave(useSaveCrisisPlan(patient.id), {
    isShown: (p) => SHOWN.test(p),
    onClose,
    saved: (saved) => t("care.crisis.saved", { version: saved.version }),
    place,
    labels: (path) => {
      const last = path.split(".").pop() ?? "";
      if (path.startsWith("actions.") && last === "text") return t("care.crisis.fields.actionText");
      if (path.startsWith("actions.") && last === "who") return t("care.crisis.fields.who");
      const known = [
        "siteId",
        "planDate",
        "warningSigns",
        "whatHelps",
        "actions",
        "contactServiceIds",
        "reviewDate",
      ];
      return known.includes(path) ? t(`care.crisis.fields.${path as "planDate"}`) : undefined;
    },
  });
  const firstSite =
    plan && care.writableSiteIds.includes(plan.siteId) ? plan.siteId : care.writableSiteIds[0];
  const [siteId, setSiteId] = useState<string | null>(firstSite === undefined ? null : String(firstSite));
  const [planDate, setPlanDate] = useState<string | null>(plan?.planDate ?? todayIso());
  const [warningSigns, setWarningSigns] = useState(plan?.warningSigns ?? "");
  const [whatHelps, setWhatHelps] = useState(plan?.whatHelps ?? "");
  const [actions, setActions] = useState(
    () => plan?.actions.map((a, i) => ({ key: i, text: a.text, who: whoValue(a.who) })) ?? [],
  );
  const [contacts, setContacts] = useState<string[]>(() => plan?.contacts.map((c) => String(c.id)) ?? []);
  const [reviewDate, setReviewDate] = useState<string | null>(plan?.reviewDate ?? null);
  const setAction = (i: number, patch: Partial<{ text: string; who: string | null }>) =>
    setActions((list) => list.map((a, j) => (j === i ? { ...a, ...patch } : a)));

  const submit = () =>
    form.save({
      baseVersion: plan?.version ?? 0,
      siteId: (siteId ? Number(siteId) : null) as number,
      planDate: planDate ?? "",
      warningSigns,
      whatHelps,
      actions: actions.map((a) => ({ text: a.text, who: whoOf(a.who) as never })),
      contactServiceIds: contacts.map(Number),
      reviewDate,
    });

  return (
    <PlanModalFrame
      form={form}
      title={t("care.crisis.modalTitle", { code: patient.code })}
      onSubmit={submit}
      onClose={onClose}
      onReload={onReload}
    >
      {care.writableSiteIds.length > 1 && (
        <Select
          label={t("care.crisis.fields.siteId")}
          required
          data={care.writableSiteIds.map((id) => ({
            value: String(id),
            label: siteCodes.get(id) ?? String(id),
          }))}
          value={siteId}
          onChange={setSiteId}
          error={form.field("siteId")}
        />
      )}
      <ModalDateField
        label={t("care.crisis.fields.planDate")}
        required
        value={planDate}
        onChange={setPlanDate}
        error={form.field("planDate")}
      />
      <NoteField
        label={t("care.crisis.fields.warningSigns")}
        maxLength={4000}
        value={warningSigns}
        onChange={setWarningSigns}
        error={form.field("warningSigns")}
        data-autofocus
      />
      <NoteField
        label={t("care.crisis.fields.whatHelps")}
        maxLength={4000}
        value={whatHelps}
        onChange={setWhatHelps}
        error={form.field("whatHelps")}
      />
      <Divider />
      <Text fw={600}>{t("care.crisis.fields.actions")}</Text>
      {actions.map((a, i) => (
        <Group
          key={a.key}
          align="flex-start"
          wrap="nowrap"
          role="group"
          aria-label={t("care.crisis.actionN", { n: i + 1 })}
        >
          <TextInput
            style={{ flex: 2 }}
            label={`${t("care.crisis.actionN", { n: i + 1 })}: ${t("care.crisis.fields.actionText")}`}
            required
            maxLength={500}
            value={a.text}
            onChange={(e) => setAction(i, { text: e.currentTarget.value })}
            error={form.field(`actions.${i}.text`)}
          />
          <div style={{ flex: 1 }}>
            <WhoSelect
              label={`${t("care.crisis.actionN", { n: i + 1 })}: ${t("care.crisis.fields.who")}`}
              value={a.who}
              onChange={(v) => setAction(i, { who: v })}
              care={care}
              siteId={siteId ? Number(siteId) : 0}
              error={form.field(`actions.${i}.who`)}
            />
          </div>
          <RemoveIcon
            mt={28}
            label={t("care.crisis.removeAction", { n: i + 1 })}
            onClick={() => setActions((list) => list.filter((_, j) => j !== i))}
          />
        </Group>
      ))}
      <Group>
        <AddButton
          onClick={() =>
            setActions((list) => [
              ...list,
              { key: Math.max(-1, ...list.map((x) => x.key)) + 1, text: "", who: null },
            ])
          }
        >
          {t("care.crisis.addAction")}
        </AddButton>
      </Group>
      <Divider />
      <MultiSelect
        label={t("care.crisis.fields.contactServiceIds")}
        searchable
        clearable
        data={care.services.map((s) => ({ value: String(s.id), label: s.name }))}
        value={contacts}
        onChange={setContacts}
        error={form.field("contactServiceIds")}
      />
      <ModalDateField
        label={t("care.crisis.fields.reviewDate")}
        value={reviewDate}
        onChange={setReviewDate}
        error={form.field("reviewDate")}
      />
    </PlanModalFrame>
  );
}
