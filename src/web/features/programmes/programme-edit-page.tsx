import { Alert } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import { useParameterImpact, useProgramme, useUpdateProgramme } from "../../app/data/programmes.ts";
import { useFormErrors } from "../../app/form-errors.ts";
import { NoAccess } from "../../app/guards.tsx";
import { Page, QueryView } from "../../app/page.tsx";
import type { ParameterImpact, Programme, ProgrammeUpdate } from "../../app/types.ts";
import { notifySaved } from "../../app/ui/notify.ts";
import { StaleAlert } from "../../app/ui/stale-alert.tsx";
import {
  formToUpdateBody,
  type IndicatorChoice,
  isShownProgrammeField,
  type ProgrammeFormValues,
  programmeToForm,
  toFormIssues,
} from "./form-values.ts";
import { ImpactModal } from "./impact-modal.tsx";
import { useIndicatorChoices } from "./indicator-choices.ts";
import { ProgrammeForm } from "./programme-form.tsx";
import { useProgrammeLabels } from "./programme-labels.ts";

/**
 * Change a programme's name, practice version, phases, sites and parameters (administrators and
 * its regional coordinators). Before saving, the server says whether the change recomputes the
 * indicator facts; if it does, the user confirms it knowing how many enrolments it touches.
 */
export function ProgrammeEditPage() {
  const id = Number(useParams().id);
  const programme = useProgramme(id);
  return (
    <QueryView query={programme}>
      {(p) => (p.canEdit ? <WithIndicators programme={p} /> : <NoAccess />)}
    </QueryView>
  );
}

/** The programme's indicators (built-ins and its own) name its targets: the form waits for them. */
function WithIndicators({ programme }: { programme: Programme }) {
  const indicators = useIndicatorChoices(programme.id);
  return (
    <QueryView query={indicators}>
      {(choices) => <EditForm programme={programme} indicators={choices} />}
    </QueryView>
  );
}

function EditForm({ programme, indicators }: { programme: Programme; indicators: IndicatorChoice[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const update = useUpdateProgramme(programme.id);
  const impact = useParameterImpact(programme.id);
  /** A save waiting for the user's confirmation of the recomputation it triggers. */
  const [pending, setPending] = useState<{
    body: ProgrammeUpdate;
    values: ProgrammeFormValues;
    impact: ParameterImpact;
  } | null>(null);
  const { errors, fail, clear, field, fieldTree } = useFormErrors(isShownProgrammeField, {
    labels: useProgrammeLabels(),
  });
  // Remounting the form with the newest version discards the user's stale edits only on request.
  const [base, setBase] = useState(programme);
  const query = useProgramme(programme.id);
  const stale = errors.error?.code === "stale_version";
  // The recomputation the change triggered failed: the server rolled everything back.
  const unavailable = errors.error?.code === "unavailable";

  const save = (body: ProgrammeUpdate, values: ProgrammeFormValues) =>
    update.mutate(body, {
      onSuccess: () => {
        setPending(null);
        notifySaved(t("common.saved"));
        navigate(`/programmes/${programme.id}`);
      },
      onError: (err) => {
        setPending(null);
        fail(toFormIssues(err, values));
      },
    });

  const submit = (values: ProgrammeFormValues) => {
    clear();
    const body = formToUpdateBody(values, base, indicators);
    impact.mutate(
      { parameters: body.parameters, practiceVersion: body.practiceVersion },
      {
        onSuccess: (answer) =>
          answer.recomputes ? setPending({ body, values, impact: answer }) : save(body, values),
        onError: (err) => fail(toFormIssues(err, values)),
      },
    );
  };

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
        initial={programmeToForm(base, indicators)}
        indicators={indicators}
        saving={impact.isPending || update.isPending}
        errors={stale || unavailable ? { ...errors, general: null } : errors}
        field={field}
        fieldTree={fieldTree}
        notice={
          unavailable ? (
            <Alert color="red" variant="light" title={t("programmes.impact.unavailableTitle")} role="alert">
              {errors.error?.message}
            </Alert>
          ) : (
            stale && <StaleAlert message={errors.error?.message} onReload={() => void reload()} />
          )
        }
        onCancel={() => navigate(`/programmes/${programme.id}`)}
        onSubmit={submit}
      />
      <ImpactModal
        impact={pending?.impact ?? null}
        saving={update.isPending}
        onCancel={() => setPending(null)}
        onConfirm={() => pending && save(pending.body, pending.values)}
      />
    </Page>
  );
}
