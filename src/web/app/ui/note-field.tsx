import { Textarea, type TextareaProps } from "@mantine/core";

type NoteFieldProps = Omit<TextareaProps, "value" | "onChange"> & {
  value: string;
  onChange: (value: string) => void;
  "data-autofocus"?: boolean;
};

/**
 * A free text of a form (a note, a reason, what helps): two lines that grow with the text, up to
 * `maxLength` characters (1,000 unless told).
 */
export function NoteField({ value, onChange, maxLength = 1000, ...props }: NoteFieldProps) {
  return (
    <Textarea
      autosize
      minRows={2}
      maxLength={maxLength}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      {...props}
    />
  );
}
