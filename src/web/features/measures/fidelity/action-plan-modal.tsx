import { SimpleGrid, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FormModal } from "../../../app/form-modal.tsx";
import { todayIso } from "../../../app/today.ts";
import { ModalDateField } from "../../../app/ui/modal-date-field.tsx";
import { useModalSave } from "../../../app/ui/modal-save.ts";
import { NumberField } from "../../../app/ui/number-field.tsx";
import { sentNumber } from "../../../app/ui/read-number.ts";
import { useReviewToActionPlan } from "../api.ts";
import type { ActionPlanResult, FidelityScale, Review } from "../types.ts";

const FIELDS = new Set(["threshold", "start", "end", "responsibleActor"]);
const isShown = (p: string) => FIELDS.has(p);

const inMonths = (months: number) => {
  const d = new Date(`${todayIso()}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
};

/** Turn a review's low items into activities of the site's action plan (one per item). */
export function ActionPlanModal({
  review,
  scale,
  onClose,
  onDone,
}: {
  review: Review;
  scale: FidelityScale | undefined;
  onClose: () => void;
  onDone: (r: ActionPlanResult) => void;
}) {
  const { t } = useTranslation();
  const write = useReviewToActionPlan(review.id);
  const { save, field, frame } = useModalSave(write, {
    isShown,
    onClose,
    saved: (r) => t("measures.fidelity.plan.done", { count: r.activities.length, version: r.planVersion }),
  });
  const [threshold, setThreshold] = useState<number | string>(scale?.lowThreshold ?? "");
  const [start, setStart] = useState<string | null>(todayIso());
  const [end, setEnd] = useState<string | null>(inMonths(6));
  const [actor, setActor] = useState(t("measures.fidelity.plan.defaultActor"));

  const submit = () => {
    save(
      {
        ...(threshold === "" ? {} : { threshold: sentNumber(threshold) as number }),
        start: start ?? "",
        end: end ?? "",
        responsibleActor: actor,
      },
      onDone,
    );
  };

  return (
    <FormModal
      {...frame}
      title={t("measures.fidelity.plan.title")}
      onSubmit={submit}
      submitLabel={t("measures.fidelity.plan.submit")}
    >
      <NumberField
        label={t("measures.fidelity.plan.threshold")}
        description={t("measures.fidelity.plan.thresholdHint")}
        value={threshold}
        onChange={setThreshold}
        min={scale?.range.min}
        max={scale?.range.max}
        decimalScale={2}
        error={field("threshold")}
        data-autofocus
      />
      <SimpleGrid cols={2}>
        <ModalDateField
          label={t("measures.fidelity.plan.start")}
          required
          value={start}
          onChange={setStart}
          error={field("start")}
        />
        <ModalDateField
          label={t("measures.fidelity.plan.end")}
          required
          value={end}
          onChange={setEnd}
          error={field("end")}
        />
      </SimpleGrid>
      <TextInput
        label={t("measures.fidelity.plan.responsible")}
        value={actor}
        onChange={(e) => setActor(e.currentTarget.value)}
        error={field("responsibleActor")}
      />
    </FormModal>
  );
}
