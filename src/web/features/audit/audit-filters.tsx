import { Button, Group, Paper, SimpleGrid, TextInput } from "@mantine/core";
import { IconFilter, IconX } from "@tabler/icons-react";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { DateField } from "../../app/date-field.tsx";
import type { AuditFilter } from "./api.ts";

/** Filter the audit log by who, what, which record and when. */
export function AuditFilters({
  value,
  onChange,
}: {
  value: AuditFilter;
  onChange: (f: AuditFilter) => void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<AuditFilter>(value);
  const set = (k: keyof AuditFilter, v: string | null) =>
    setDraft((d) => ({ ...d, [k]: v?.trim() || undefined }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onChange(draft);
  };
  return (
    <Paper withBorder p="md" component="form" onSubmit={submit} aria-label={t("audit.filters")}>
      <SimpleGrid cols={{ base: 1, sm: 3, lg: 6 }}>
        <TextInput
          label={t("audit.actor")}
          value={draft.actor ?? ""}
          onChange={(e) => set("actor", e.currentTarget.value)}
        />
        <TextInput
          label={t("audit.action")}
          placeholder="create, update, login…"
          value={draft.action ?? ""}
          onChange={(e) => set("action", e.currentTarget.value)}
        />
        <TextInput
          label={t("audit.entity")}
          placeholder="site, programme, user…"
          value={draft.entity ?? ""}
          onChange={(e) => set("entity", e.currentTarget.value)}
        />
        <TextInput
          label={t("audit.entityId")}
          value={draft.entityId ?? ""}
          onChange={(e) => set("entityId", e.currentTarget.value)}
        />
        <DateField label={t("audit.from")} value={draft.from ?? null} onChange={(d) => set("from", d)} />
        <DateField label={t("audit.to")} value={draft.to ?? null} onChange={(d) => set("to", d)} />
      </SimpleGrid>
      <Group justify="flex-end" mt="md">
        <Button
          variant="default"
          leftSection={<IconX size={16} aria-hidden="true" />}
          onClick={() => {
            setDraft({});
            onChange({});
          }}
        >
          {t("audit.clearFilters")}
        </Button>
        <Button type="submit" leftSection={<IconFilter size={16} aria-hidden="true" />}>
          {t("audit.applyFilters")}
        </Button>
      </Group>
    </Paper>
  );
}
