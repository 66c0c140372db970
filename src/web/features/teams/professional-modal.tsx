import { Select, Switch, TextInput } from "@mantine/core";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { PROFILES } from "../../../shared/vocabulary.ts";
import { useSite } from "../../app/data/structure.ts";
import { useCreateProfessional, useProfessionals, useUpdateProfessional } from "../../app/data/teams.ts";
import { useFormErrors } from "../../app/form-errors.ts";
import { FormModal } from "../../app/form-modal.tsx";
import { todayIso } from "../../app/today.ts";
import type { Professional } from "../../app/types.ts";
import { ModalDateField } from "../../app/ui/modal-date-field.tsx";
import { notifySaved } from "../../app/ui/notify.ts";
import { NumberField } from "../../app/ui/number-field.tsx";
import { sentNumber } from "../../app/ui/read-number.ts";
import { nextProfessionalCode } from "./next-code.ts";

type Profile = Professional["profile"];
const FIELDS = new Set([
  "code",
  "profile",
  "inImplementationTeam",
  "teamCoordinator",
  "trained",
  "trainingHours",
  "joinedOn",
  "leftOn",
]);
const isShown = (p: string) => FIELDS.has(p);

/** Add a professional to a site, or change their profile, team membership and training. */
export function ProfessionalModal({
  siteId,
  professional,
  onClose,
}: {
  siteId: number;
  professional: Professional | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const create = useCreateProfessional(siteId);
  const update = useUpdateProfessional(siteId);
  const labels = useMemo(
    () => ({
      code: t("teams.code"),
      profile: t("teams.profile"),
      inImplementationTeam: t("teams.inTeam"),
      teamCoordinator: t("teams.coordinator"),
      trained: t("teams.trained"),
      trainingHours: t("teams.trainingHours"),
      joinedOn: t("teams.joinedOn"),
      leftOn: t("teams.leftOn"),
    }),
    [t],
  );
  const { errors, fail, clear, field } = useFormErrors(isShown, { labels });
  // The hint's example is a code still free at the site, in the site's own pattern
  const site = useSite(siteId);
  const colleagues = useProfessionals(siteId);
  const example = nextProfessionalCode(
    site.data?.code,
    (colleagues.data ?? []).map((p) => p.code),
  );
  const [code, setCode] = useState(professional?.code ?? "");
  const [profile, setProfile] = useState<Profile | null>(professional?.profile ?? null);
  const [inTeam, setInTeam] = useState(professional?.inImplementationTeam ?? true);
  const [coordinator, setCoordinator] = useState(professional?.teamCoordinator ?? false);
  const [trained, setTrained] = useState(professional?.trained ?? false);
  const [hours, setHours] = useState<number | string>(professional?.trainingHours ?? "");
  const [joinedOn, setJoinedOn] = useState<string | null>(professional?.joinedOn ?? null);
  const [leftOn, setLeftOn] = useState<string | null>(professional?.leftOn ?? null);
  // Whoever left the site is in no team: the switches follow the leaving day
  const left = leftOn !== null;

  const submit = () => {
    clear();
    const trainingHours = sentNumber(hours);
    const done = {
      onSuccess: () => {
        notifySaved(t("common.saved"));
        onClose();
      },
      onError: fail,
    };
    const values = {
      inImplementationTeam: inTeam && !left,
      teamCoordinator: inTeam && coordinator && !left,
      trained,
      trainingHours,
      joinedOn,
      leftOn,
    };
    if (professional) {
      update.mutate({ id: professional.id, body: { ...values, ...(profile ? { profile } : {}) } }, done);
    } else {
      // An unchosen profile goes as "" so that the server names the field.
      create.mutate({ code, siteId, profile: (profile ?? "") as Profile, ...values }, done);
    }
  };

  return (
    <FormModal
      opened
      onClose={onClose}
      title={professional ? t("teams.editMember", { code: professional.code }) : t("teams.addMember")}
      onSubmit={submit}
      saving={create.isPending || update.isPending}
      general={errors.general}
    >
      <TextInput
        label={t("teams.code")}
        description={t("teams.codeHint", { example })}
        required
        disabled={!!professional}
        value={code}
        onChange={(e) => setCode(e.currentTarget.value)}
        error={field("code")}
        data-autofocus
      />
      <Select
        label={t("teams.profile")}
        required
        placeholder={t("common.choose")}
        data={PROFILES.map((p) => ({ value: p, label: t(`profiles.${p}`) }))}
        value={profile}
        onChange={(v) => setProfile(v as Profile | null)}
        error={field("profile")}
      />
      <Switch
        label={t("teams.inTeam")}
        description={left ? t("teams.leftHint") : undefined}
        checked={inTeam && !left}
        disabled={left}
        onChange={(e) => setInTeam(e.currentTarget.checked)}
        error={field("inImplementationTeam")}
      />
      <Switch
        label={t("teams.coordinator")}
        description={t("teams.coordinatorHint")}
        checked={inTeam && coordinator && !left}
        disabled={!inTeam || left}
        onChange={(e) => setCoordinator(e.currentTarget.checked)}
        error={field("teamCoordinator")}
      />
      <Switch
        label={t("teams.trained")}
        checked={trained}
        onChange={(e) => setTrained(e.currentTarget.checked)}
        error={field("trained")}
      />
      <NumberField
        label={t("teams.trainingHours")}
        min={0}
        max={100000}
        decimalScale={1}
        value={hours}
        onChange={setHours}
        error={field("trainingHours")}
      />
      <ModalDateField
        label={t("teams.joinedOn")}
        description={t("teams.joinedOnHint")}
        maxDate={todayIso()}
        value={joinedOn}
        onChange={setJoinedOn}
        error={field("joinedOn")}
      />
      <ModalDateField
        label={t("teams.leftOn")}
        description={t("teams.leftOnHint")}
        maxDate={todayIso()}
        value={leftOn}
        onChange={setLeftOn}
        error={field("leftOn")}
      />
    </FormModal>
  );
}
