import { Select, SimpleGrid, Text, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useEligibility, useEnrol } from "../../../app/data/registry.ts";
import { registrySites } from "../../../app/data/registry-access.ts";
import type { Enrolment } from "../../../app/data/registry-types.ts";
import { useSite } from "../../../app/data/structure.ts";
import { useProfessionals } from "../../../app/data/teams.ts";
import { FormModal } from "../../../app/form-modal.tsx";
import { useCurrentUser } from "../../../app/session.ts";
import { todayIso } from "../../../app/today.ts";
import { ModalDateField } from "../../../app/ui/modal-date-field.tsx";
import { useModalSave } from "../../../app/ui/modal-save.ts";
import { GrowingTextarea } from "../../../app/ui/note-field.tsx";
import { EligibilityView } from "./eligibility-view.tsx";

const FIELDS = new Set([
  "siteId",
  "programmeId",
  "enrolmentDate",
  "primaryDiagnosis",
  "secondaryDiagnosis",
  "caseManagerCode",
  "caseManagerProfile",
  "overrideReason",
]);
const isShown = (p: string) => FIELDS.has(p);
const DIAGNOSIS = /^[A-Z][0-9]{2}(\.[0-9A-Z]{1,4})?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Enrol a patient in one of the site's programmes. The eligibility check is asked of the server
 * as the programme, date and diagnosis change, and shown check by check; a patient who is not
 * eligible may be enrolled anyway with a reason (the pilot did), which the server stores.
 */
export function EnrolModal({
  patient,
  siteId,
  onClose,
  onEnrolled,
}: {
  patient: { id: number; code: string };
  siteId: number;
  onClose: () => void;
  onEnrolled?: (enrolment: Enrolment) => void;
}) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const sites = registrySites(me);
  const [chosenSite, setChosenSite] = useState(siteId);
  const site = useSite(chosenSite);
  const professionals = useProfessionals(chosenSite);
  const enrol = useEnrol();
  const { save, field, frame } = useModalSave(enrol, {
    isShown,
    onClose,
    saved: (e) => t("registry.enrol.done", { code: patient.code, enrolment: e.code }),
  });
  const programmes = site.data?.programmes ?? [];
  const [programmeId, setProgrammeId] = useState<string | null>(null);
  const chosenProgramme = programmeId ?? (programmes.length === 1 ? String(programmes[0]!.id) : null);
  const [date, setDate] = useState<string | null>(todayIso());
  const [primary, setPrimary] = useState("");
  const [secondary, setSecondary] = useState("");
  const [caseManager, setCaseManager] = useState<string | null>(null);
  const [reason, setReason] = useState("");
  const [dx] = useDebouncedValue(primary.trim(), 300);

  const params =
    chosenProgramme && date && DATE.test(date)
      ? {
          patientId: patient.id,
          programmeId: Number(chosenProgramme),
          enrolmentDate: date,
          ...(DIAGNOSIS.test(dx) ? { primaryDiagnosis: dx } : {}),
        }
      : null;
  const eligibility = useEligibility(params);
  const result = params ? eligibility.data : undefined;
  const needsReason = (result && !result.eligible) || !!field("overrideReason");
  const manager = professionals.data?.find((p) => p.code === caseManager);

  const submit = () => {
    save(
      {
        patientId: patient.id,
        siteId: chosenSite,
        programmeId: (chosenProgramme ? Number(chosenProgramme) : null) as number,
        enrolmentDate: (date ?? "") as string,
        primaryDiagnosis: primary.trim() || null,
        secondaryDiagnosis: secondary.trim() || null,
        caseManagerCode: manager?.code ?? null,
        caseManagerProfile: manager?.profile ?? null,
        ...(needsReason && reason.trim() ? { overrideReason: reason.trim() } : {}),
      },
      onEnrolled,
    );
  };

  return (
    <FormModal
      {...frame}
      size="lg"
      title={t("registry.enrol.title", { code: patient.code })}
      onSubmit={submit}
      submitLabel={needsReason ? t("registry.enrol.anyway") : t("registry.enrol.action")}
    >
      {sites.length > 1 ? (
        <Select
          label={t("registry.enrol.site")}
          required
          allowDeselect={false}
          data={sites.map((s) => ({ value: String(s.id), label: `${s.code} — ${s.name}` }))}
          value={String(chosenSite)}
          onChange={(v) => {
            if (!v) return;
            setChosenSite(Number(v));
            setProgrammeId(null);
            setCaseManager(null);
          }}
          error={field("siteId")}
        />
      ) : (
        <Text size="sm" c="dimmed">
          {t("registry.enrol.atSite", { site: site.data?.code ?? "…" })}
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t("registry.enrol.programme")}
          required
          placeholder={t("common.choose")}
          data={programmes.map((p) => ({ value: String(p.id), label: `${p.code} — ${p.name}` }))}
          value={chosenProgramme}
          onChange={setProgrammeId}
          error={field("programmeId")}
          data-autofocus
        />
        <ModalDateField
          label={t("registry.enrol.date")}
          required
          clearable={false}
          value={date}
          onChange={setDate}
          error={field("enrolmentDate")}
        />
        <TextInput
          label={t("registry.enrol.primaryDiagnosis")}
          description={t("registry.enrol.diagnosisHint")}
          placeholder="F60.3"
          value={primary}
          onChange={(e) => setPrimary(e.currentTarget.value.toUpperCase())}
          error={field("primaryDiagnosis")}
        />
        <TextInput
          label={t("registry.enrol.secondaryDiagnosis")}
          description={t("registry.enrol.diagnosisHint")}
          placeholder="F41.1"
          value={secondary}
          onChange={(e) => setSecondary(e.currentTarget.value.toUpperCase())}
          error={field("secondaryDiagnosis")}
        />
      </SimpleGrid>
      <Select
        label={t("registry.enrol.caseManager")}
        description={t("registry.enrol.caseManagerHint")}
        placeholder={t("registry.enrol.noCaseManager")}
        searchable
        clearable
        nothingFoundMessage={t("common.nothingFound")}
        data={(professionals.data ?? []).map((p) => ({
          value: p.code,
          label: `${p.code} — ${t(`profiles.${p.profile}`)}`,
        }))}
        value={caseManager}
        onChange={setCaseManager}
        error={field("caseManagerCode") ?? field("caseManagerProfile")}
        clearButtonProps={{ "aria-label": t("common.clearNamed", { name: t("registry.enrol.caseManager") }) }}
      />
      {result && <EligibilityView result={result} pending={eligibility.isFetching} />}
      {needsReason && (
        <GrowingTextarea
          label={t("registry.enrol.overrideReason")}
          description={t("registry.enrol.overrideReasonHint")}
          required
          value={reason}
          onChange={setReason}
          error={field("overrideReason")}
        />
      )}
    </FormModal>
  );
}
