import { notifications } from "@mantine/notifications";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { useCreateProgramme } from "../../app/data/programmes.ts";
import { useRegions } from "../../app/data/structure.ts";
import { useFormErrors } from "../../app/form-errors.ts";
import { Page, QueryView } from "../../app/page.tsx";
import { emptyProgramme, formToCreateBody, isShownProgrammeField, toFormIssues } from "./form-values.ts";
import { ProgrammeForm } from "./programme-form.tsx";
import { useProgrammeLabels } from "./programme-labels.ts";

/** A new programme: a practice implemented at a set of sites of one region. */
export function ProgrammeCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const regions = useRegions();
  const create = useCreateProgramme();
  const { errors, fail, clear, field, fieldTree } = useFormErrors(isShownProgrammeField, {
    labels: useProgrammeLabels(),
  });
  return (
    <Page
      title={t("programmes.new")}
      crumbs={[{ label: t("nav.programmes"), to: "/programmes" }, { label: t("programmes.new") }]}
    >
      <QueryView query={regions}>
        {(list) => (
          <ProgrammeForm
            mode="create"
            initial={emptyProgramme(list.length === 1 ? list[0]!.id : null)}
            saving={create.isPending}
            errors={errors}
            field={field}
            fieldTree={fieldTree}
            onCancel={() => navigate("/programmes")}
            onSubmit={(values) => {
              clear();
              create.mutate(formToCreateBody(values), {
                onSuccess: (p) => {
                  notifications.show({ color: "green", message: t("programmes.created", { code: p.code }) });
                  navigate(`/programmes/${p.id}`);
                },
                onError: (err) => fail(toFormIssues(err, values)),
              });
            }}
          />
        )}
      </QueryView>
    </Page>
  );
}
