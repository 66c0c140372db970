import { type RefObject, useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, type FieldIssue } from "./api.ts";
import { useDescribeError } from "./errors.ts";

/** Field errors by form path (`parameters.ageBand.min`), plus what belongs to no shown field. */
export interface FormErrors {
  fields: Record<string, string>;
  general: string | null;
  /** The error itself, to let the caller react to its code (e.g. a stale version). */
  error: ApiError | null;
}

const NONE: FormErrors = { fields: {}, general: null, error: null };

/** `body.x.y` → `x.y`; `body` alone (a rule about the whole body) → "". */
export function formPath(field: string): string {
  return field.replace(/^(body|query|params)\.?/, "");
}

/**
 * Split a server error into the issues the form shows next to its fields and a general message.
 * `isShown(path)` says whether the form has a field at that path; everything else is general.
 */
export function toFormErrors(
  err: unknown,
  isShown: (path: string) => boolean,
  describe: (e: unknown) => string,
  describeIssue: (i: FieldIssue) => string,
): FormErrors {
  if (!(err instanceof ApiError)) return { fields: {}, general: describe(err), error: null };
  const fields: Record<string, string> = {};
  const rest: string[] = [];
  for (const issue of err.issues) {
    const path = formPath(issue.field);
    const message = describeIssue(issue);
    if (path && isShown(path)) {
      fields[path] = fields[path] ? `${fields[path]}; ${message}` : message;
    } else if (!rest.includes(message)) {
      rest.push(path && issue.rule !== "stale_version" ? `${path}: ${message}` : message);
    }
  }
  const general = err.issues.length === 0 ? describe(err) : rest.length ? rest.join("; ") : null;
  return { fields, general, error: err };
}

/**
 * The server errors of one form: `fail(err)` after a refused save, `field(path)` next to each
 * input, `errors.general` above the buttons.
 */
export function useFormErrors(isShown: (path: string) => boolean) {
  const { t } = useTranslation();
  const describe = useDescribeError();
  const [errors, setErrors] = useState<FormErrors>(NONE);
  const describeIssue = useCallback(
    (i: FieldIssue) => (i.rule === "unique" ? t("errors.unique") : i.message),
    [t],
  );
  const fail = useCallback(
    (err: unknown) => setErrors(toFormErrors(err, isShown, describe, describeIssue)),
    [isShown, describe, describeIssue],
  );
  const clear = useCallback(() => setErrors(NONE), []);
  const field = (path: string): string | undefined => errors.fields[path];
  /** The errors of a field and of everything inside it (`sites.site-3` and `sites.site-3.siteId`). */
  const fieldTree = (path: string): string | undefined => {
    const found = Object.entries(errors.fields)
      .filter(([k]) => k === path || k.startsWith(`${path}.`))
      .map(([, m]) => m);
    return found.length ? found.join("; ") : undefined;
  };
  return { errors, fail, clear, field, fieldTree };
}

/** After a refused save, bring the first problem of a long form into view (and focus its input). */
export function useRevealFirstError(form: RefObject<HTMLFormElement | null>, errors: FormErrors): void {
  useEffect(() => {
    if (!errors.error) return;
    const first = form.current?.querySelector<HTMLElement>('[aria-invalid="true"], [role="alert"]');
    first?.scrollIntoView({ block: "center" });
    if (first?.matches("input, textarea")) first.focus();
  }, [form, errors]);
}
