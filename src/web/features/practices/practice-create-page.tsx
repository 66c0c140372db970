import { Button, Group, Paper, SimpleGrid, Stack, TextInput } from "@mantine/core";
import { type FormEvent, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { useCreatePractice } from "../../app/data/practices.ts";
import { useFormErrors, useRevealFirstError } from "../../app/form-errors.ts";
import { FormError } from "../../app/form-modal.tsx";
import { Page } from "../../app/page.tsx";
import { notifySaved } from "../../app/ui/notify.ts";
import { DefinitionFields } from "./definition-fields.tsx";
import { emptyDefinition, formToDefinition, isShownPracticeField } from "./definition-values.ts";

/** A new practice, saved as its version 1. */
export function PracticeCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreatePractice();
  const { errors, fail, clear, field, fieldTree } = useFormErrors(isShownPracticeField);
  const [code, setCode] = useState("");
  const [name, setName] = useState("");
  const [definition, setDefinition] = useState(emptyDefinition);
  const formRef = useRef<HTMLFormElement>(null);
  useRevealFirstError(formRef, errors);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    clear();
    create.mutate(
      { code, name, definition: formToDefinition(definition) },
      {
        onSuccess: (p) => {
          notifySaved(t("practices.created", { code: p.code }));
          navigate(`/practices/${p.id}`);
        },
        onError: fail,
      },
    );
  };

  return (
    <Page
      title={t("practices.new")}
      crumbs={[{ label: t("nav.practices"), to: "/practices" }, { label: t("practices.new") }]}
    >
      <form ref={formRef} onSubmit={submit} noValidate aria-label={t("practices.new")}>
        <Stack gap="lg">
          <Paper withBorder p="md">
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label={t("common.code")}
                required
                value={code}
                onChange={(e) => setCode(e.currentTarget.value)}
                error={field("code")}
              />
              <TextInput
                label={t("common.name")}
                required
                value={name}
                onChange={(e) => setName(e.currentTarget.value)}
                error={field("name")}
              />
            </SimpleGrid>
          </Paper>
          <DefinitionFields value={definition} onChange={setDefinition} errors={{ field, fieldTree }} />
          <FormError message={errors.general} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => navigate("/practices")}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t("practices.create")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Page>
  );
}
