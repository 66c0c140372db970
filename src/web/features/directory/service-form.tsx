import { Checkbox, Group, MultiSelect, Select, Stack, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { DIRECTORY_SECTORS, REFERRAL_ROUTES } from "../../../shared/directory.ts";
import { useAreas, useSites } from "../../app/data/structure.ts";
import { FormModal } from "../../app/form-modal.tsx";
import { useModalSave } from "../../app/ui/modal-save.ts";
import { GrowingTextarea } from "../../app/ui/note-field.tsx";
import { type DirectoryService, type ServiceValues, useSaveDirectoryService } from "./api.ts";

const FIELDS = new Set([
  "code",
  "name",
  "sector",
  "description",
  "areaIds",
  "eligibility",
  "referralRoute",
  "referralHow",
  "phone",
  "email",
  "web",
  "openingHours",
  "languages",
  "siteId",
]);
/** `areaIds.1` and `languages.0` are shown at their list's field. */
const isShown = (p: string) => FIELDS.has(p);
const place = (i: { field: string }) => i.field.replace(/^body\./, "").replace(/\.\d+$/, "");

const blank = (s: DirectoryService | null): ServiceValues => ({
  code: s?.code ?? "",
  name: s?.name ?? "",
  sector: s?.sector ?? "health",
  description: s?.description ?? "",
  areaIds: s?.areas.map((a) => a.id) ?? [],
  eligibility: s?.eligibility ?? "",
  referralRoute: s?.referralRoute ?? "both",
  referralHow: s?.referralHow ?? "",
  phone: s?.phone ?? "",
  phonePrivate: s?.phonePrivate ?? false,
  email: s?.email ?? "",
  emailPrivate: s?.emailPrivate ?? false,
  web: s?.web ?? "",
  webPrivate: s?.webPrivate ?? false,
  openingHours: s?.openingHours ?? "",
  languages: s?.languages ?? [],
});

/** Create a service of the region's directory, or edit one (with the version it was read at). */
export function ServiceForm({
  regionId,
  service,
  onClose,
}: {
  regionId: number;
  service: DirectoryService | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const save = useSaveDirectoryService();
  const areas = useAreas(regionId);
  const sites = useSites({ regionId });
  const [siteId, setSiteId] = useState<string | null>(service?.siteId ? String(service.siteId) : null);
  const labels = (path: string) => (FIELDS.has(path) ? t(`directory.fields.${path as "code"}`) : undefined);
  const {
    save: send,
    errors,
    field,
    frame,
  } = useModalSave(save, {
    isShown,
    labels,
    place,
    onClose,
    saved: () => t("common.saved"),
  });
  const [v, setV] = useState<ServiceValues>(() => blank(service));
  const [languages, setLanguages] = useState((service?.languages ?? []).join(", "));
  const set = <K extends keyof ServiceValues>(k: K, value: ServiceValues[K]) =>
    setV((o) => ({ ...o, [k]: value }));
  const text = (k: "code" | "name" | "referralHow" | "openingHours" | "eligibility", required = false) => (
    <TextInput
      label={t(`directory.fields.${k}`)}
      required={required}
      value={v[k]}
      disabled={k === "code" && !!service}
      onChange={(e) => set(k, e.currentTarget.value)}
      error={field(k)}
    />
  );
  const contact = (k: "phone" | "email" | "web") => {
    const priv = `${k}Private` as const;
    return (
      <Group align="flex-end" wrap="nowrap">
        <TextInput
          style={{ flex: 1 }}
          label={t(`directory.fields.${k}`)}
          type={k === "email" ? "email" : k === "web" ? "url" : "tel"}
          value={v[k] ?? ""}
          onChange={(e) => set(k, e.currentTarget.value)}
          error={field(k)}
        />
        <Checkbox
          mb={8}
          label={t("directory.fields.private")}
          checked={v[priv]}
          onChange={(e) => set(priv, e.currentTarget.checked)}
        />
      </Group>
    );
  };
  const submit = () => {
    const values: ServiceValues = {
      ...v,
      phone: v.phone?.trim() || null,
      email: v.email?.trim() || null,
      web: v.web?.trim() || null,
      languages: languages
        .split(/[,;\s]+/)
        .map((l) => l.trim())
        .filter(Boolean),
    };
    send({
      regionId,
      id: service?.id,
      baseVersion: service?.version,
      values,
      siteId: siteId === null ? null : Number(siteId),
    });
  };
  return (
    <FormModal
      {...frame}
      size="lg"
      title={service ? t("directory.edit") : t("directory.add")}
      onSubmit={submit}
      general={errors.error?.code === "stale_version" ? t("directory.staleReload") : errors.general}
    >
      <Stack gap="sm">
        {text("code", true)}
        {text("name", true)}
        <Select
          label={t("directory.fields.sector")}
          required
          allowDeselect={false}
          data={DIRECTORY_SECTORS.map((s) => ({ value: s, label: t(`directory.sectors.${s}`) }))}
          value={v.sector}
          onChange={(x) => x && set("sector", x as ServiceValues["sector"])}
          error={field("sector")}
        />
        <GrowingTextarea
          label={t("directory.fields.description")}
          value={v.description}
          onChange={(text) => set("description", text)}
          error={field("description")}
        />
        <MultiSelect
          label={t("directory.fields.areaIds")}
          data={(areas.data ?? []).map((a) => ({ value: String(a.id), label: `${a.code} — ${a.name}` }))}
          value={v.areaIds.map(String)}
          onChange={(ids) => set("areaIds", ids.map(Number))}
          error={field("areaIds")}
          clearable
        />
        {text("eligibility")}
        <Select
          label={t("directory.fields.referralRoute")}
          required
          allowDeselect={false}
          data={REFERRAL_ROUTES.map((r) => ({ value: r, label: t(`directory.referralRoutes.${r}`) }))}
          value={v.referralRoute}
          onChange={(x) => x && set("referralRoute", x as ServiceValues["referralRoute"])}
          error={field("referralRoute")}
        />
        {text("referralHow")}
        {contact("phone")}
        {contact("email")}
        {contact("web")}
        {text("openingHours")}
        <TextInput
          label={t("directory.fields.languages")}
          description={t("directory.fields.languagesHint")}
          value={languages}
          onChange={(e) => setLanguages(e.currentTarget.value)}
          error={field("languages")}
        />
        <Select
          label={t("directory.fields.siteId")}
          description={t("directory.fields.siteIdHint")}
          placeholder={t("directory.fields.noSite")}
          clearable
          data={(sites.data ?? []).map((s) => ({ value: String(s.id), label: `${s.code} — ${s.name}` }))}
          value={siteId}
          onChange={setSiteId}
          error={field("siteId")}
        />
      </Stack>
    </FormModal>
  );
}
