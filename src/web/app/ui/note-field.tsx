import { Textarea, type TextareaProps } from "@mantine/core";

type GrowingTextareaProps = Omit<TextareaProps, "value" | "onChange"> & {
  value: string;
  onChange: (value: string) => void;
  "data-autofocus"?: boolean;
};

/** A text of a form that grows with what is written, from `minRows` lines (two unless told). */
export function GrowingTextarea({ value, onChange, minRows = 2, ...props }: GrowingTextareaProps) {
  return (
    <Textarea
      autosize
      minRows={minRows}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      {...props}
    />
  );
}

/**
 * A free text of a form (a note, a reason, what helps): two lines that grow with the text, up to
 * `maxLength` characters (1,000 unless told).
 */
export function NoteField({ maxLength = 1000, ...props }: GrowingTextareaProps) {
  return <GrowingTextarea maxLength={maxLength} {...props} />;
}
