import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { FormModal } from "../../app/form-modal.tsx";

/**
 * A modal changing one item of an artefact's draft (an activity, an objective, a SWOT item):
 * nothing is sent until the artefact is saved, so there is no saving state nor server answer, and
 * the button applies the change to the draft.
 */
export function ItemModal({
  title,
  onSubmit,
  onClose,
  size = "lg",
  submitLabel,
  children,
}: {
  title: string;
  onSubmit: () => void;
  onClose: () => void;
  size?: string;
  /** "Apply" unless told. */
  submitLabel?: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <FormModal
      opened
      onClose={onClose}
      title={title}
      onSubmit={onSubmit}
      saving={false}
      general={null}
      size={size}
      submitLabel={submitLabel ?? t("planning.apply")}
    >
      {children}
    </FormModal>
  );
}

/** The values of the item in the modal, a setter of some of them, and the messages of the fields found wanting. */
export function useItemValues<V>(initial: V) {
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set = (patch: Partial<V>) => setValues((x) => ({ ...x, ...patch }));
  return { values, set, errors, setErrors };
}
