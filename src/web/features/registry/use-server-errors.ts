import { type FormErrorOptions, useFormErrors } from "../../app/form-errors.ts";

/** The server's errors of one registry form, by field, translated (`app/form-errors.ts`). */
export function useServerErrors(isShown: (path: string) => boolean, options: FormErrorOptions = {}) {
  const { errors, fail, clear, field } = useFormErrors(isShown, options);
  return { errors, fail, clear, field };
}
