import { Button, Group, Paper, SimpleGrid, Stack, Text, TextInput, Title } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormErrors } from "../../../app/form-errors.ts";
import { FormError } from "../../../app/form-modal.tsx";
import { GrowingTextarea } from "../../../app/ui/note-field.tsx";
import { notifySaved } from "../../../app/ui/notify.ts";
import { useSaveWording } from "../api.ts";
import type { InstrumentDetail } from "../types.ts";

const isShown = (p: string) =>
  p === "licenceNote" || p === "instructions" || p === "language" || p.startsWith("items.");

/**
 * For administrators: load the service's licensed wording of a score-only instrument (per
 * language, versioned; the audit keeps who and when, not the text).
 */
export function WordingForm({ instrument }: { instrument: InstrumentDetail }) {
  const { t, i18n } = useTranslation();
  const save = useSaveWording(instrument.code);
  const { errors, fail, clear, field } = useFormErrors(isShown);
  const [language, setLanguage] = useState(i18n.language.slice(0, 2));
  const [instructions, setInstructions] = useState(instrument.instructions ?? "");
  const [items, setItems] = useState<Record<string, string>>(() =>
    Object.fromEntries(instrument.items.map((i) => [i.id, i.text ?? ""])),
  );
  const [options, setOptions] = useState<Record<string, Record<string, string>>>(() =>
    Object.fromEntries(
      instrument.items.map((i) => [
        i.id,
        Object.fromEntries(i.options.map((o) => [String(o.value), o.label ?? ""])),
      ]),
    ),
  );
  const [licenceNote, setLicenceNote] = useState("");
  const setOption = (item: string, value: string, text: string) =>
    setOptions((o) => ({ ...o, [item]: { ...o[item], [value]: text } }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    clear();
    save.mutate(
      {
        language,
        ...(instructions.trim() ? { instructions } : {}),
        items: Object.fromEntries(Object.entries(items).filter(([, v]) => v.trim() !== "")),
        options: Object.fromEntries(
          Object.entries(options)
            .map(
              ([id, o]) =>
                [id, Object.fromEntries(Object.entries(o).filter(([, v]) => v.trim() !== ""))] as const,
            )
            .filter(([, o]) => Object.keys(o).length > 0),
        ),
        licenceNote,
      },
      {
        onSuccess: (w) => notifySaved(t("measures.library.wordingSaved", { version: w.version })),
        onError: fail,
      },
    );
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="wording-title">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h4" id="wording-title">
            {t("measures.library.wordingTitle")}
          </Title>
          <Text size="sm" c="dimmed">
            {t("measures.library.wordingHint")}
          </Text>
          <FormError message={errors.general} />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              label={t("measures.library.language")}
              value={language}
              onChange={(e) => setLanguage(e.currentTarget.value)}
              error={field("language")}
            />
            <TextInput
              label={t("measures.library.licenceNote")}
              required
              value={licenceNote}
              onChange={(e) => setLicenceNote(e.currentTarget.value)}
              error={field("licenceNote")}
              style={{ gridColumn: "span 2" }}
            />
          </SimpleGrid>
          <GrowingTextarea
            label={t("measures.library.instructions")}
            value={instructions}
            onChange={setInstructions}
            error={field("instructions")}
          />
          {instrument.items.map((i) => (
            <Stack key={i.id} gap={4}>
              <TextInput
                label={t("measures.form.itemNumber", { id: i.id })}
                value={items[i.id] ?? ""}
                onChange={(e) => {
                  const v = e.currentTarget.value;
                  setItems((s) => ({ ...s, [i.id]: v }));
                }}
                error={field(`items.${i.id}`)}
              />
              <SimpleGrid cols={{ base: 2, sm: Math.min(i.options.length, 5) }} spacing="xs">
                {i.options.map((o) => (
                  <TextInput
                    key={o.value}
                    size="xs"
                    label={t("measures.library.answerWording", { item: i.id, value: o.value })}
                    value={options[i.id]?.[String(o.value)] ?? ""}
                    onChange={(e) => setOption(i.id, String(o.value), e.currentTarget.value)}
                    error={field(`options.${i.id}.${o.value}`)}
                  />
                ))}
              </SimpleGrid>
            </Stack>
          ))}
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending}>
              {t("measures.library.saveWording")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
