import { MultiSelect, Select, SimpleGrid, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useCreateGroup } from "../../../app/data/registry.ts";
import type { Group, GroupKind } from "../../../app/data/registry-types.ts";
import { useProfessionals } from "../../../app/data/teams.ts";
import { FormModal } from "../../../app/form-modal.tsx";
import { todayIso } from "../../../app/today.ts";
import type { SiteDetail } from "../../../app/types.ts";
import { ModalDateField } from "../../../app/ui/modal-date-field.tsx";
import { useModalSave } from "../../../app/ui/modal-save.ts";
import { NumberField } from "../../../app/ui/number-field.tsx";
import { sentNumber } from "../../../app/ui/read-number.ts";
import { IMR_MAX_SIZE, useGroupKindOptions } from "./group-kinds.ts";

const FIELDS = new Set(["kind", "name", "programmeId", "startDate", "endDate", "maxSize", "facilitators"]);
const isShown = (p: string) => FIELDS.has(p) || p.startsWith("facilitators.");

/**
 * A new group at the site: kind, name, dates, capacity (IMR groups take at most 8 — the server
 * refuses more, and says so next to the capacity), programme and facilitators.
 */
export function GroupCreateModal({
  site,
  onClose,
  onCreated,
}: {
  site: SiteDetail;
  onClose: () => void;
  onCreated: (group: Group) => void;
}) {
  const { t } = useTranslation();
  const create = useCreateGroup();
  const professionals = useProfessionals(site.id);
  const kinds = useGroupKindOptions();
  const form = useModalSave(create, {
    isShown,
    onClose,
    saved: (g) => t("registry.groups.created", { name: g.name }),
  });
  const [kind, setKind] = useState<GroupKind | null>(null);
  const [name, setName] = useState("");
  const [programmeId, setProgrammeId] = useState<string | null>(
    site.programmes.length === 1 ? String(site.programmes[0]!.id) : null,
  );
  const [start, setStart] = useState<string | null>(todayIso());
  const [end, setEnd] = useState<string | null>(null);
  const [maxSize, setMaxSize] = useState<number | string>("");
  const [facilitators, setFacilitators] = useState<string[]>([]);

  const submit = () => {
    form.save(
      {
        siteId: site.id,
        kind: (kind ?? "") as GroupKind,
        name,
        programmeId: programmeId ? Number(programmeId) : null,
        startDate: start ?? "",
        endDate: end,
        maxSize: sentNumber(maxSize),
        facilitators,
      },
      onCreated,
    );
  };

  return (
    <FormModal
      {...form.frame}
      size="lg"
      title={t("registry.groups.new")}
      onSubmit={submit}
      submitLabel={t("registry.groups.create")}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t("registry.groups.kind")}
          required
          placeholder={t("common.choose")}
          data={kinds}
          value={kind}
          onChange={(v) => setKind(v as GroupKind | null)}
          error={form.field("kind")}
          data-autofocus
        />
        <TextInput
          label={t("registry.groups.name")}
          required
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={form.field("name")}
        />
        <ModalDateField
          label={t("registry.groups.startDate")}
          required
          clearable={false}
          value={start}
          onChange={setStart}
          error={form.field("startDate")}
        />
        <ModalDateField
          label={t("registry.groups.endDate")}
          description={t("registry.groups.endDateHint")}
          value={end}
          onChange={setEnd}
          error={form.field("endDate")}
        />
        <NumberField
          label={t("registry.groups.capacity")}
          description={
            kind === "imr"
              ? t("registry.groups.capacityImr", { max: IMR_MAX_SIZE })
              : t("registry.groups.capacityHint")
          }
          min={1}
          max={1000}
          allowDecimal={false}
          value={maxSize}
          onChange={setMaxSize}
          error={form.field("maxSize")}
        />
        <Select
          label={t("registry.groups.programme")}
          placeholder={t("registry.groups.noProgramme")}
          clearable
          data={site.programmes.map((p) => ({ value: String(p.id), label: `${p.code} — ${p.name}` }))}
          value={programmeId}
          onChange={setProgrammeId}
          error={form.field("programmeId")}
          clearButtonProps={{
            "aria-label": t("common.clearNamed", { name: t("registry.groups.programme") }),
          }}
        />
      </SimpleGrid>
      <MultiSelect
        label={t("registry.groups.facilitators")}
        placeholder={facilitators.length ? undefined : t("common.choose")}
        searchable
        data={(professionals.data ?? []).map((p) => ({
          value: p.code,
          label: `${p.code} — ${t(`profiles.${p.profile}`)}`,
        }))}
        value={facilitators}
        onChange={setFacilitators}
        error={form.fieldTree("facilitators")}
      />
    </FormModal>
  );
}
