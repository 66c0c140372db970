import { type RefObject, useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  GENERIC_RULES,
  isKnownRule,
  type MessageLanguage,
  type IssueParams as ValidationIssueParams,
  validationMessage,
} from "../../shared/validation-messages.ts";
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
  describeIssue: (i: FieldIssue, path: string, beside: boolean) => string,
  place: (i: FieldIssue) => string = (i) => formPath(i.field),
): FormErrors {
  if (!(err instanceof ApiError)) return { fields: {}, general: describe(err), error: null };
  const fields: Record<string, string> = {};
  const rest: string[] = [];
  for (const issue of err.issues) {
    const path = place(issue);
    const beside = Boolean(path) && isShown(path);
    const message = describeIssue(issue, path, beside);
    if (beside) {
      const before = fields[path];
      fields[path] = !before
        ? message
        : before.split("; ").includes(message)
          ? before
          : `${before}; ${message}`;
    } else if (!rest.includes(message)) {
      rest.push(message);
    }
  }
  const general = err.issues.length === 0 ? describe(err) : rest.length ? rest.join("; ") : null;
  return { fields, general, error: err };
}

export interface FormErrorOptions {
  /**
   * The label of the field at a form path, as the form shows it. Without one, the common field
   * names of `validation.fields` (by the path's last name: `parameters.ageBand.min` → `min`).
   */
  labels?: Record<string, string> | ((path: string) => string | undefined);
  /** Where an issue belongs in the form, when not at its `field` (a question named in params). */
  place?: (issue: FieldIssue) => string;
  /** How the form names an allowed value of a field (the option labels of a select). */
  valueLabel?: (path: string, value: string | number | boolean | null) => string;
}

/** The last name of a path that is not an index: `sites.2.siteId` → `siteId`. */
const lastName = (path: string) =>
  path
    .split(".")
    .filter((s) => !/^\d+$/.test(s))
    .pop() ?? "";

/**
 * One issue as the user reads it, in their language, with the field's label
 * (`shared/validation-messages.ts`); never zod's or the programmer's text.
 */
export function useDescribeIssue(options: FormErrorOptions = {}) {
  const { t, i18n } = useTranslation();
  const { labels, valueLabel } = options;
  return useCallback(
    (issue: FieldIssue, path: string = formPath(issue.field), beside = true): string => {
      const lang: MessageLanguage = i18n.language?.startsWith("it") ? "it" : "en";
      const issueOf = { rule: isKnownRule(issue.rule) ? issue.rule : "custom", params: issue.params };
      // A specific English sentence of the server says more than the layer (see GENERIC_RULES).
      if (
        lang === "en" &&
        issue.message &&
        !GENERIC_RULES.has(issue.rule) &&
        issue.message !== validationMessage(issueOf, "en")
      )
        return issue.message;
      const given = typeof labels === "function" ? labels(path) : labels?.[path];
      const key = `validation.fields.${lastName(path)}`;
      // Away from its field, a message without a label would not say what it is about.
      const label =
        given ?? (i18n.exists(key) ? (t as (k: string) => string)(key) : beside ? undefined : path);
      return validationMessage(issueOf, lang, {
        label,
        valueLabel: valueLabel ? (v) => valueLabel(path, v) : undefined,
      });
    },
    [t, i18n, labels, valueLabel],
  );
}

/** A refusal found before asking the server (a number field holding text), shaped like the server's. */
export function localRefusal(issues: FieldIssue[]): ApiError {
  return new ApiError(400, "validation", "", issues);
}

/**
 * The server errors of one form: `fail(err)` after a refused save, `field(path)` next to each
 * input, `errors.general` above the buttons. Messages come from the one translation layer.
 */
export function useFormErrors(isShown: (path: string) => boolean, options: FormErrorOptions = {}) {
  const describe = useDescribeError();
  const [errors, setErrors] = useState<FormErrors>(NONE);
  const describeIssue = useDescribeIssue(options);
  const { place } = options;
  const fail = useCallback(
    (err: unknown) => setErrors(toFormErrors(err, isShown, describe, describeIssue, place)),
    [isShown, describe, describeIssue, place],
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

/**
 * A refusal found in the browser (a required field left empty, an end before its start), said
 * by the same layer as the server's: `ruleMessage("required", "Title")` → "Title is required" /
 * "Titolo: campo obbligatorio".
 */
export function useRuleMessage() {
  const { i18n } = useTranslation();
  return useCallback(
    (rule: string, label: string, params?: ValidationIssueParams): string =>
      validationMessage({ rule, params }, i18n.language?.startsWith("it") ? "it" : "en", { label }),
    [i18n],
  );
}
