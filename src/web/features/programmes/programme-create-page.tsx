import { Alert } from "@mantine/core";
import { IconLock } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { useCreateProgramme } from "../../app/data/programmes.ts";
import { useRegions } from "../../app/data/structure.ts";
import { useFormErrors } from "../../app/form-errors.ts";
import { Page, QueryView } from "../../app/page.tsx";
import { useCurrentUser } from "../../app/session.ts";
import { notifySaved } from "../../app/ui/notify.ts";
import { emptyProgramme, formToCreateBody, isShownProgrammeField, toFormIssues } from "./form-values.ts";
import { useIndicatorChoices } from "./indicator-choices.ts";
import { ProgrammeForm } from "./programme-form.tsx";
import { useProgrammeLabels } from "./programme-labels.ts";

/**
 * A new programme: a practice implemented at a set of sites of one region. Administrators create
 * them in any region, regional coordinators in the regions of the programmes they coordinate
 * (`me.programmeRegions`; the server decides).
 */
export function ProgrammeCreatePage() {
  const me = useCurrentUser();
  if (me.programmeRegions.length === 0) return <NoCreateAccess />;
  return <CreateForm regionIds={me.programmeRegions} />;
}

/** Who may create programmes, said to someone who may not. */
function NoCreateAccess() {
  const { t } = useTranslation();
  return (
    <Page title={t("errors.noAccessTitle")}>
      <Alert color="orange" variant="light" icon={<IconLock aria-hidden="true" />}>
        {t("programmeTargets.noAccessCreate")}
      </Alert>
    </Page>
  );
}

function CreateForm({ regionIds }: { regionIds: number[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const regions = useRegions();
  const indicators = useIndicatorChoices(null);
  const create = useCreateProgramme();
  const { errors, fail, clear, field, fieldTree } = useFormErrors(isShownProgrammeField, {
    labels: useProgrammeLabels(),
  });
  return (
    <Page
      title={t("programmes.new")}
      crumbs={[{ label: t("nav.programmes"), to: "/programmes" }, { label: t("programmes.new") }]}
    >
      <QueryView query={indicators}>
        {(choices) => (
          <QueryView query={regions}>
            {(all) => {
              const list = all.filter((r) => regionIds.includes(r.id));
              return (
                <ProgrammeForm
                  mode="create"
                  initial={emptyProgramme(list.length === 1 ? list[0]!.id : null)}
                  indicators={choices}
                  regionIds={regionIds}
                  saving={create.isPending}
                  errors={errors}
                  field={field}
                  fieldTree={fieldTree}
                  onCancel={() => navigate("/programmes")}
                  onSubmit={(values) => {
                    clear();
                    create.mutate(formToCreateBody(values, choices), {
                      onSuccess: (p) => {
                        notifySaved(t("programmes.created", { code: p.code }));
                        navigate(`/programmes/${p.id}`);
                      },
                      onError: (err) => fail(toFormIssues(err, values)),
                    });
                  }}
                />
              );
            }}
          </QueryView>
        )}
      </QueryView>
    </Page>
  );
}
