import { Checkbox, Group, Radio, Stack } from "@mantine/core";
import { GrowingTextarea } from "../../../app/ui/note-field.tsx";
import { NumberField } from "../../../app/ui/number-field.tsx";
import type { Question } from "../types.ts";

type Value = string | string[] | number | null;

/** One question of a progress questionnaire, answered as its type asks. */
export function QuestionField({
  question: q,
  value,
  error,
  readOnly,
  onChange,
}: {
  question: Question;
  value: Value;
  error: string | undefined;
  readOnly: boolean;
  onChange: (v: Value) => void;
}) {
  const label = q.text;
  if (q.type === "single_choice")
    return (
      <Radio.Group
        label={label}
        withAsterisk={q.required}
        value={typeof value === "string" ? value : null}
        error={error}
        onChange={(v) => !readOnly && onChange(v)}
      >
        <Group mt={4}>
          {q.options.map((o) => (
            <Radio key={o.code} value={o.code} label={o.label} disabled={readOnly} />
          ))}
        </Group>
      </Radio.Group>
    );
  if (q.type === "multi_choice")
    return (
      <Checkbox.Group
        label={label}
        withAsterisk={q.required}
        value={Array.isArray(value) ? value : []}
        error={error}
        onChange={(v) => !readOnly && onChange(v)}
      >
        <Stack gap={4} mt={4}>
          {q.options.map((o) => (
            <Checkbox key={o.code} value={o.code} label={o.label} disabled={readOnly} />
          ))}
        </Stack>
      </Checkbox.Group>
    );
  if (q.type === "number")
    return (
      <NumberField
        label={label}
        withAsterisk={q.required}
        value={typeof value === "number" || typeof value === "string" ? value : ""}
        min={q.min ?? undefined}
        max={q.max ?? undefined}
        readOnly={readOnly}
        error={error}
        // the box is narrow, the question and its message keep the line's width
        styles={{ input: { maxWidth: 240 } }}
        // Letters are kept (and sent, for the server to refuse beside the question), never dropped
        onChange={(v) => onChange(v === "" ? null : v)}
      />
    );
  return (
    <GrowingTextarea
      label={label}
      withAsterisk={q.required}
      value={typeof value === "string" ? value : ""}
      readOnly={readOnly}
      error={error}
      onChange={(text) => onChange(text || null)}
    />
  );
}
