import { Text, TextInput, type TextInputProps } from "@mantine/core";
import { type ChangeEvent, useEffect, useRef, useState } from "react";
import { useDescribeIssue } from "../form-errors.ts";
import { type NumberReading, readNumber } from "./read-number.ts";

export interface NumberFieldProps extends Omit<TextInputProps, "value" | "onChange" | "min" | "max"> {
  /** A number, "" (empty), or a text that is not a number (what the user typed, kept as typed). */
  value?: number | string | null | undefined;
  /**
   * A number, "" when emptied, or — when what was typed is not a number — the text as typed: a
   * form never receives a wrong value in its place (a save sends the text and the server refuses
   * it beside the field), and a form's submit is held while the field holds such a text.
   */
  onChange?: (value: number | string) => void;
  min?: number | undefined;
  max?: number | undefined;
  /** Whole numbers only (false); decimals are written with a point or a comma. */
  allowDecimal?: boolean | undefined;
  /** At most this many decimals. */
  decimalScale?: number | undefined;
  /** A unit shown after the value (" %", " min"). */
  suffix?: string | undefined;
}

const shown = (value: NumberFieldProps["value"]) =>
  value === null || value === undefined ? "" : typeof value === "number" ? String(value) : value;

/** Whether the value the form holds is what the text says (so the text, as typed, stays). */
function agrees(value: NumberFieldProps["value"], reading: NumberReading, text: string): boolean {
  if (value === null || value === undefined || value === "") return reading.kind === "empty";
  if (typeof value === "number") return reading.kind === "number" && reading.value === value;
  return value === text;
}

/**
 * A number input that keeps what the user typed and says what is wrong with it, instead of
 * quietly fixing it: letters stay visible with "Birth year must be a number" until corrected (a
 * plain number input drops them, and the form then saved an empty field), a value outside
 * `min`–`max` stays as typed, marked (it used to be clamped on blur: −5 became 0). The form never
 * gets a wrong value in its place: it gets the text, and its submit is held while the field holds
 * one. The server refuses the same values; its message, when there is one, wins. Messages come
 * from the one translation layer with the field's label.
 */
export function NumberField(props: NumberFieldProps) {
  const { min, max, allowDecimal, decimalScale, suffix, label, error, value, onChange, onBlur, ...rest } =
    props;
  const named = typeof label === "string" ? label : rest["aria-label"];
  const describe = useDescribeIssue({ labels: () => named });
  const [text, setText] = useState(() => shown(value));
  const [touched, setTouched] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const integer = allowDecimal === false;
  const reading = readNumber(text, { integer, decimals: decimalScale });

  // A value set by the form (a reset, a loaded record) replaces the text, unless it says the same
  useEffect(() => {
    setText((current) =>
      agrees(value, readNumber(current, { integer, decimals: decimalScale }), current)
        ? current
        : shown(value),
    );
  }, [value, integer, decimalScale]);

  // While the field holds a text that is not a number, its form is not submitted: focus it instead
  const unreadable = reading.kind === "text" || reading.kind === "fraction" || reading.kind === "decimals";
  useEffect(() => {
    const form = input.current?.form;
    if (!unreadable || !form) return;
    const hold = (e: Event) => {
      e.preventDefault();
      e.stopImmediatePropagation();
      input.current?.focus();
    };
    form.addEventListener("submit", hold);
    return () => form.removeEventListener("submit", hold);
  }, [unreadable]);

  const issue = (rule: string, params: Record<string, unknown>) =>
    describe({ field: "", rule, params, message: "" });
  let local: string | undefined;
  if (reading.kind === "text") local = issue("invalid_type", { expected: integer ? "integer" : "number" });
  else if (reading.kind === "fraction") local = issue("invalid_type", { expected: "integer" });
  else if (reading.kind === "decimals")
    local = issue("not_multiple_of", {
      divisor: Number((10 ** -(decimalScale ?? 0)).toFixed(decimalScale ?? 0)),
    });
  else if (touched && reading.kind === "number") {
    // Checked as typed, not on blur: a message appearing on blur would move the save button
    // from under the pointer that is clicking it.
    if (min !== undefined && reading.value < min) local = issue("too_small", { min, origin: "number" });
    else if (max !== undefined && reading.value > max) local = issue("too_big", { max, origin: "number" });
  }

  return (
    <TextInput
      {...rest}
      ref={input}
      label={label}
      inputMode={integer ? "numeric" : "decimal"}
      autoComplete={rest.autoComplete ?? "off"}
      value={text}
      error={error || local}
      rightSection={
        suffix ? (
          <Text size="sm" c="dimmed" aria-hidden="true">
            {suffix.trim()}
          </Text>
        ) : (
          rest.rightSection
        )
      }
      onChange={(e: ChangeEvent<HTMLInputElement>) => {
        const typed = e.currentTarget.value;
        setText(typed);
        setTouched(true);
        const next = readNumber(typed, { integer, decimals: decimalScale });
        onChange?.(next.kind === "empty" ? "" : next.kind === "number" ? next.value : typed);
      }}
      onBlur={onBlur}
    />
  );
}
