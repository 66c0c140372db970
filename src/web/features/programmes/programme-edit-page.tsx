import { Alert, Button } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconRefresh } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import { useFormErrors } from "../../app/form-errors.ts";
import { NoAccess } from "../../app/guards.tsx";
import { Page, QueryView } from "../../app/page.tsx";
import type { Programme } from "../../app/types.ts";
import { useProgramme, useUpdateProgramme } from "./api.ts";
import { formToUpdateBody, isShownProgrammeField, programmeToForm, toFormIssues } from "./form-values.ts";
import { ProgrammeForm } from "./programme-form.tsx";

/** Change a programme's name, phases, sites and parameters (administrators and its regional coordinators). */
export function ProgrammeEditPage() {
  const id = Number(useParams().id);
  const programme = useProgramme(id);
  return (
    <QueryView query={programme}>{(p) => (p.canEdit ? <EditForm programme={p} /> : <NoAccess />)}</QueryView>
  );
}

function EditForm({ programme }: { programme: Programme }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const update = useUpdateProgramme(programme.id);
  const { errors, fail, clear, field, fieldTree } = useFormErrors(isShownProgrammeField);
  // Remounting the form with the newest version discards the user's stale edits only on request.
  const [base, setBase] = useState(programme);
  const query = useProgramme(programme.id);
  const stale = errors.error?.code === "stale_version";

  const reload = async () => {
    const fresh = await query.refetch();
    if (fresh.data) {
      clear();
      setBase(fresh.data);
    }
  };

  return (
    <Page
      title={t("programmes.editTitle", { code: programme.code })}
      crumbs={[
        { label: t("nav.programmes"), to: "/programmes" },
        { label: programme.code, to: `/programmes/${programme.id}` },
        { label: t("common.edit") },
      ]}
    >
      <ProgrammeForm
        key={base.version}
        mode="edit"
        initial={programmeToForm(base)}
        saving={update.isPending}
        errors={stale ? { ...errors, general: null } : errors}
        field={field}
        fieldTree={fieldTree}
        notice={
          stale && (
            <Alert color="orange" variant="light" title={t("common.staleTitle")} role="alert">
              {errors.error?.message}
              <div>
                <Button
                  mt="sm"
                  size="xs"
                  variant="white"
                  leftSection={<IconRefresh size={14} aria-hidden="true" />}
                  onClick={() => void reload()}
                >
                  {t("common.reloadLatest")}
                </Button>
              </div>
            </Alert>
          )
        }
        onCancel={() => navigate(`/programmes/${programme.id}`)}
        onSubmit={(values) => {
          clear();
          update.mutate(formToUpdateBody(values, base.version), {
            onSuccess: () => {
              notifications.show({ color: "green", message: t("common.saved") });
              navigate(`/programmes/${programme.id}`);
            },
            onError: (err) => fail(toFormIssues(err, values)),
          });
        }}
      />
    </Page>
  );
}
