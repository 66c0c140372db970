import { Button, Group, Stack, Text, Title } from "@mantine/core";
import type { Icon } from "@tabler/icons-react";
import type { ReactNode } from "react";
import type { HubProps } from "../hub.tsx";

/** What a section of the patient's page receives: the patient, and the site it records at (if any). */
export type PatientSectionProps = HubProps["patient"];

/** What a modal opened from a section of the patient's page receives: it records at a site. */
export interface PatientModalProps {
  patient: PatientSectionProps["patient"];
  site: NonNullable<PatientSectionProps["site"]>;
  onClose: () => void;
}

/**
 * A section of the patient's page: its heading (which names the section, `id` is the heading's),
 * a hint under it, on the right the button that records one more (`action`), then the content.
 */
export function PatientSection({
  id,
  title,
  hint,
  action,
  children,
}: {
  id: string;
  title: string;
  hint: string;
  action?: ReactNode;
  children: ReactNode;
}) {
  const heading = (
    <div>
      <Title order={2} size="h4" id={id}>
        {title}
      </Title>
      <Text size="sm" c="dimmed">
        {hint}
      </Text>
    </div>
  );
  return (
    <Stack gap="sm" component="section" aria-labelledby={id}>
      {action === undefined ? (
        heading
      ) : (
        <Group justify="space-between">
          {heading}
          {action}
        </Group>
      )}
      {children}
    </Stack>
  );
}

/** The button of a section that records one more thing: its icon, then what it records. */
export function RecordButton({
  icon: IconOf,
  onClick,
  children,
}: {
  icon: Icon;
  onClick: () => void;
  children: ReactNode;
}) {
  return (
    <Button variant="default" leftSection={<IconOf size={16} aria-hidden="true" />} onClick={onClick}>
      {children}
    </Button>
  );
}
