import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { FormModal } from "../../app/form-modal.tsx";
import type { useModalSave } from "../../app/ui/modal-save.ts";
import { StaleAlert } from "../../app/ui/stale-alert.tsx";

type ModalSave = ReturnType<typeof useModalSave<never, unknown>>;

/**
 * The modal that saves a new version of a plan (a care plan, the crisis plan): wide; when someone
 * else saved a version meanwhile, the stale alert in place of the general error — reloading
 * closes the modal.
 */
export function PlanModalFrame({
  form,
  title,
  onSubmit,
  onClose,
  onReload,
  children,
}: {
  form: Pick<ModalSave, "frame" | "errors">;
  title: string;
  onSubmit: () => void;
  onClose: () => void;
  onReload: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const stale = form.errors.error?.code === "stale_version";
  return (
    <FormModal
      {...form.frame}
      size="xl"
      title={title}
      onSubmit={onSubmit}
      general={stale ? null : form.errors.general}
    >
      {stale && (
        <StaleAlert
          message={form.errors.error?.message}
          detail={t("care.carePlan.staleDetail")}
          onReload={() => {
            onReload();
            onClose();
          }}
        />
      )}
      {children}
    </FormModal>
  );
}
