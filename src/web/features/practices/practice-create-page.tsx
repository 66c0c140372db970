import { Button, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { useCreatePractice } from "../../app/data/practices.ts";
import { Page } from "../../app/page.tsx";
import { notifySaved } from "../../app/ui/notify.ts";
import { emptyDefinition, formToDefinition } from "./definition-values.ts";
import { PracticeForm, usePracticeDraft } from "./practice-form.tsx";

/** A new practice, saved as its version 1. */
export function PracticeCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreatePractice();
  const draft = usePracticeDraft({ name: "", definition: emptyDefinition });
  const [code, setCode] = useState("");

  const submit = () =>
    create.mutate(
      { code, name: draft.name, definition: formToDefinition(draft.definition) },
      {
        onSuccess: (p) => {
          notifySaved(t("practices.created", { code: p.code }));
          navigate(`/practices/${p.id}`);
        },
        onError: draft.fail,
      },
    );

  return (
    <Page
      title={t("practices.new")}
      crumbs={[{ label: t("nav.practices"), to: "/practices" }, { label: t("practices.new") }]}
    >
      <PracticeForm
        draft={draft}
        label={t("practices.new")}
        code={
          <TextInput
            label={t("common.code")}
            required
            value={code}
            onChange={(e) => setCode(e.currentTarget.value)}
            error={draft.field("code")}
          />
        }
        general={draft.errors.general}
        onSubmit={submit}
      >
        <Button variant="default" onClick={() => navigate("/practices")}>
          {t("common.cancel")}
        </Button>
        <Button type="submit" loading={create.isPending}>
          {t("practices.create")}
        </Button>
      </PracticeForm>
    </Page>
  );
}
