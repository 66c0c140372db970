import { Chip, Fieldset, Group, Input, Stack, Text } from "@mantine/core";
import { useId } from "react";

interface TypeOption {
  value: string;
  label: string;
  psychosocial: boolean;
}

/**
 * The intervention type as rows of radio chips — psychosocial types, then the rest — sharing one
 * name, so arrow keys move between them and the chosen one is the group's tab stop.
 */
export function TypeChooser({
  label,
  value,
  onChange,
  options,
  captions,
  error,
  autoFocus,
  required,
}: {
  label: string;
  value: string | null;
  onChange: (value: string) => void;
  options: TypeOption[];
  captions: { psychosocial: string; other: string };
  error?: string;
  autoFocus?: boolean;
  /** Marks the legend (an asterisk) when the server requires a type. */
  required?: boolean;
}) {
  const name = useId();
  // The chosen type (or, with none yet, the first) takes the focus when the form opens.
  const focused = value ?? options[0]?.value;
  const chip = (o: TypeOption) => (
    <Chip
      key={o.value}
      value={o.value}
      name={name}
      size="sm"
      variant="outline"
      data-autofocus={autoFocus && o.value === focused ? true : undefined}
    >
      {o.label}
    </Chip>
  );
  const rows = [
    { caption: captions.psychosocial, items: options.filter((o) => o.psychosocial) },
    { caption: captions.other, items: options.filter((o) => !o.psychosocial) },
  ].filter((r) => r.items.length > 0);
  return (
    <Fieldset
      legend={
        required ? (
          <>
            {label}
            <Text span c="red" aria-hidden>
              {" *"}
            </Text>
          </>
        ) : (
          label
        )
      }
      variant="unstyled"
      aria-describedby={error ? `${name}-error` : undefined}
      styles={{ legend: { fontWeight: 500, fontSize: "var(--mantine-font-size-sm)", marginBottom: 4 } }}
    >
      <Chip.Group multiple={false} value={value} onChange={(v) => onChange(v as string)}>
        <Stack gap={6}>
          {rows.map((r) => (
            <Group key={r.caption} gap={6} align="center">
              <Text size="xs" c="dimmed" w={88}>
                {r.caption}
              </Text>
              {r.items.map(chip)}
            </Group>
          ))}
        </Stack>
      </Chip.Group>
      {error && (
        <Input.Error id={`${name}-error`} mt={4}>
          {error}
        </Input.Error>
      )}
    </Fieldset>
  );
}
