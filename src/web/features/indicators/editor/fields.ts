import type { EditorForm, FieldName, NumberField } from "./form-state.ts";

/** What every section of the editor gets: the form, a setter, and the server's error of a field. */
export interface SectionProps {
  form: EditorForm;
  set: <K extends keyof EditorForm>(key: K, value: EditorForm[K]) => void;
  error: (field: FieldName) => string | undefined;
}

/** A NumberInput's value as the form keeps it: a number, or "" when empty. */
export const toNumber = (v: number | string): NumberField =>
  typeof v === "number" && Number.isFinite(v) ? v : "";
