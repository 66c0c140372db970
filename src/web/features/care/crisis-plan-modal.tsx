import {
  ActionIcon,
  Button,
  Divider,
  Group,
  MultiSelect,
  Select,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FormModal } from "../../app/form-modal.tsx";
import { todayIso } from "../../app/today.ts";
import { ModalDateField } from "../../app/ui/modal-date-field.tsx";
import { useModalSave } from "../../app/ui/modal-save.ts";
import { StaleAlert } from "../../app/ui/stale-alert.tsx";
import { useSaveCrisisPlan } from "./api.ts";
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
  const stale = form.errors.error?.code === "stale_version";
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
    <FormModal
      {...form.frame}
      size="xl"
      title={t("care.crisis.modalTitle", { code: patient.code })}
      onSubmit={submit}
      general={stale ? null : form.errors.general}
    >
      {stale && (
        <StaleAlert
          message={form.errors.error?.message}
          detail={t("care.carePlan.staleDetail")}
          onReload={() => {
            onReload();
            onClose();
          }}
        />
      )}
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
      <Textarea
        label={t("care.crisis.fields.warningSigns")}
        autosize
        minRows={2}
        maxLength={4000}
        value={warningSigns}
        onChange={(e) => setWarningSigns(e.currentTarget.value)}
        error={form.field("warningSigns")}
        data-autofocus
      />
      <Textarea
        label={t("care.crisis.fields.whatHelps")}
        autosize
        minRows={2}
        maxLength={4000}
        value={whatHelps}
        onChange={(e) => setWhatHelps(e.currentTarget.value)}
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
          <ActionIcon
            variant="subtle"
            color="red"
            mt={28}
            aria-label={t("care.crisis.removeAction", { n: i + 1 })}
            onClick={() => setActions((list) => list.filter((_, j) => j !== i))}
          >
            <IconTrash size={16} aria-hidden="true" />
          </ActionIcon>
        </Group>
      ))}
      <Group>
        <Button
          variant="light"
          size="xs"
          leftSection={<IconPlus size={14} aria-hidden="true" />}
          onClick={() =>
            setActions((list) => [
              ...list,
              { key: Math.max(-1, ...list.map((x) => x.key)) + 1, text: "", who: null },
            ])
          }
        >
          {t("care.crisis.addAction")}
        </Button>
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
    </FormModal>
  );
}
