import { Group, Paper, SimpleGrid, Stack, TextInput } from "@mantine/core";
import { type FormEvent, type ReactNode, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormErrors, useRevealFirstError } from "../../app/form-errors.ts";
import { FormError } from "../../app/form-modal.tsx";
import { DefinitionFields } from "./definition-fields.tsx";
import { type DefinitionFormValues, isShownPracticeField } from "./definition-values.ts";

/** A practice being written, new or as a next version: its name, its definition, the server's objections. */
export function usePracticeDraft(start: { name: string; definition: () => DefinitionFormValues }) {
  const form = useFormErrors(isShownPracticeField);
  const [name, setName] = useState(start.name);
  const [definition, setDefinition] = useState(start.definition);
  const formRef = useRef<HTMLFormElement>(null);
  useRevealFirstError(formRef, form.errors);
  return { ...form, name, setName, definition, setDefinition, formRef };
}

/**
 * The form of a practice: above the definition, its name (beside `code` when it is new); below,
 * the general error and the buttons. Submitting clears the last objections and calls `onSubmit`.
 */
export function PracticeForm({
  draft,
  label,
  code,
  top,
  general,
  onSubmit,
  children,
}: {
  draft: ReturnType<typeof usePracticeDraft>;
  label: string;
  /** The code field of a new practice. */
  code?: ReactNode;
  top?: ReactNode;
  general: string | null;
  onSubmit: () => void;
  /** The buttons, at the end. */
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    draft.clear();
    onSubmit();
  };
  const name = (
    <TextInput
      label={t("common.name")}
      required
      value={draft.name}
      onChange={(e) => draft.setName(e.currentTarget.value)}
      error={draft.field("name")}
    />
  );
  return (
    <form ref={draft.formRef} onSubmit={submit} noValidate aria-label={label}>
      <Stack gap="lg">
        {top}
        <Paper withBorder p="md">
          {code ? (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              {code}
              {name}
            </SimpleGrid>
          ) : (
            name
          )}
        </Paper>
        <DefinitionFields
          value={draft.definition}
          onChange={draft.setDefinition}
          errors={{ field: draft.field, fieldTree: draft.fieldTree }}
        />
        <FormError message={general} />
        <Group justify="flex-end">{children}</Group>
      </Stack>
    </form>
  );
}
