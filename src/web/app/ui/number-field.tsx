import { NumberInput, type NumberInputProps } from "@mantine/core";
import { type ClipboardEvent, type KeyboardEvent, useState } from "react";
import { useDescribeIssue } from "../form-errors.ts";

/**
 * A number input that says what is wrong instead of quietly fixing it: letters typed or pasted
 * are refused with a message ("Birth year must be a number"), and a value outside `min`–`max`
 * stays as typed, marked, until it is corrected (Mantine's own input drops the letters and clamps
 * on blur, so −5 would silently become 0). The server refuses the same values; its message, when
 * there is one, wins. Messages come from the one translation layer with the field's label.
 */
export function NumberField(props: NumberInputProps) {
  const { min, max, allowDecimal, label, error, onChange, onKeyDown, onPaste, onBlur, ...rest } = props;
  const named = typeof label === "string" ? label : rest["aria-label"];
  const describe = useDescribeIssue({ labels: () => named });
  const [typedText, setTypedText] = useState(false);
  const [touched, setTouched] = useState(false);
  const integer = allowDecimal === false;
  const value = props.value;
  const n = typeof value === "number" ? value : value === "" || value === undefined ? null : Number(value);
  let local: string | undefined;
  if (typedText) {
    local = describe({
      field: "",
      rule: "invalid_type",
      params: { expected: integer ? "integer" : "number" },
      message: "",
    });
  } else if (touched && n !== null && Number.isFinite(n)) {
    if (min !== undefined && n < min)
      local = describe({ field: "", rule: "too_small", params: { min, origin: "number" }, message: "" });
    else if (max !== undefined && n > max)
      local = describe({ field: "", rule: "too_big", params: { max, origin: "number" }, message: "" });
  }
  const refuseText = (text: string) => /[^0-9\s.,+\-−]/.test(text);
  return (
    <NumberInput
      {...rest}
      label={label}
      min={min}
      max={max}
      allowDecimal={allowDecimal}
      clampBehavior="none"
      allowNegative={rest.allowNegative ?? true}
      error={error || local}
      onChange={(v) => {
        setTypedText(false);
        // Checked as typed, not on blur: a message appearing on blur would move the save button
        // from under the pointer that is clicking it.
        setTouched(true);
        onChange?.(v);
      }}
      onKeyDown={(e: KeyboardEvent<HTMLInputElement>) => {
        if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey && refuseText(e.key))
          setTypedText(true);
        onKeyDown?.(e);
      }}
      onPaste={(e: ClipboardEvent<HTMLInputElement>) => {
        if (refuseText(e.clipboardData.getData("text"))) setTypedText(true);
        onPaste?.(e);
      }}
      onBlur={onBlur}
    />
  );
}
