import { useState } from "react";

/**
 * The values of a form's fields, kept together and each bound to its field by name — the name is
 * the request's path, so the server's issue for it lands beside it: `<Select {...bind("reason")} …>`
 * gives the field its label, its value, its setter and its error. `values` is what the form sends
 * (after the conversions the request needs).
 */
export function useFieldValues<V extends Record<string, unknown>>(
  form: { field: (path: string) => string | undefined },
  labels: { [K in keyof V]: string },
  initial: V | (() => V),
) {
  const [values, setValues] = useState<V>(initial);
  const bind = <K extends keyof V & string>(name: K) => ({
    label: labels[name],
    value: values[name],
    onChange: (value: V[K]) => setValues((all) => ({ ...all, [name]: value })),
    error: form.field(name),
  });
  return { values, bind };
}
