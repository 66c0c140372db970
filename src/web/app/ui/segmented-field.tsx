import { Input, SegmentedControl, Stack } from "@mantine/core";
import { useId } from "react";

/**
 * A labelled segmented control (radios underneath: arrow keys move, the label names the group)
 * with the server's error under it.
 */
export function SegmentedField<T extends string>({
  label,
  value,
  onChange,
  data,
  error,
  size = "sm",
  fullWidth,
  required,
}: {
  label: string;
  /** null: nothing chosen yet (the server then names the field). */
  value: T | null;
  onChange: (value: T) => void;
  data: Array<{ value: T; label: string }>;
  error?: string;
  size?: "xs" | "sm" | "md";
  fullWidth?: boolean;
  /** Marks the label (an asterisk) when the server requires a choice. */
  required?: boolean;
}) {
  const id = useId();
  return (
    <Stack gap={4}>
      <Input.Label id={`${id}-label`} component="div" size={size} required={required}>
        {label}
      </Input.Label>
      <SegmentedControl
        aria-labelledby={`${id}-label`}
        aria-describedby={error ? `${id}-error` : undefined}
        aria-invalid={error ? true : undefined}
        value={value ?? ""}
        onChange={(v) => onChange(v as T)}
        data={data}
        size={size}
        fullWidth={fullWidth}
      />
      {error && (
        <Input.Error id={`${id}-error`} size={size}>
          {error}
        </Input.Error>
      )}
    </Stack>
  );
}
