import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import type { FieldIssue } from "../../app/api.ts";
import { useDescribeError } from "../../app/errors.ts";
import { type FormErrors, toFormErrors } from "../../app/form-errors.ts";

const NONE: FormErrors = { fields: {}, general: null, error: null };

/**
 * The server's errors of one registry form, by field (`app/form-errors.ts`), keeping the server's
 * own sentence for a conflict when it says more than "is already used" (e.g. "the patient is
 * already enrolled in this programme (E-…)").
 */
export function useServerErrors(isShown: (path: string) => boolean) {
  const { t } = useTranslation();
  const describe = useDescribeError();
  const [errors, setErrors] = useState<FormErrors>(NONE);
  const describeIssue = useCallback(
    (i: FieldIssue) =>
      i.rule === "unique" && i.message === "is already used" ? t("errors.unique") : i.message,
    [t],
  );
  const fail = useCallback(
    (err: unknown) => setErrors(toFormErrors(err, isShown, describe, describeIssue)),
    [isShown, describe, describeIssue],
  );
  const clear = useCallback(() => setErrors(NONE), []);
  const field = (path: string): string | undefined => errors.fields[path];
  return { errors, fail, clear, field };
}
