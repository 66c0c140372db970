import { Badge, Code, Group, SimpleGrid, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { AuditEntry } from "../../app/types.ts";
import { diffPaths } from "./diff-paths.ts";

function Json({ value, label }: { value: unknown; label: string }) {
  return (
    // Scrollable, so focusable: keyboard users can scroll it too.
    <Code
      block
      className="json-block"
      tabIndex={0}
      aria-label={label}
      style={{ maxHeight: 420, overflow: "auto" }}
    >
      {value === undefined ? "—" : JSON.stringify(value, null, 2)}
    </Code>
  );
}

/** What one audit entry recorded: before and after for a write, the detail otherwise; and its hash. */
export function AuditDetail({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const detail = entry.detail as { before?: unknown; after?: unknown } | null;
  const isWrite = detail !== null && typeof detail === "object" && ("before" in detail || "after" in detail);
  const rest = isWrite
    ? Object.fromEntries(Object.entries(detail).filter(([k]) => k !== "before" && k !== "after"))
    : null;
  const changed = isWrite && detail.before && detail.after ? diffPaths(detail.before, detail.after) : [];
  return (
    <Stack gap="sm" p="sm">
      {changed.length > 0 && (
        <Group gap={6}>
          <Text size="sm" fw={600}>
            {t("audit.changed")}
          </Text>
          {changed.map((path) => (
            <Badge key={path} variant="light" color="orange" tt="none">
              {path}
            </Badge>
          ))}
        </Group>
      )}
      {isWrite ? (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <div>
            <Text size="sm" fw={600} mb={4}>
              {t("audit.before")}
            </Text>
            <Json value={detail.before} label={t("audit.before")} />
          </div>
          <div>
            <Text size="sm" fw={600} mb={4}>
              {t("audit.after")}
            </Text>
            <Json value={detail.after} label={t("audit.after")} />
          </div>
        </SimpleGrid>
      ) : (
        <div>
          <Text size="sm" fw={600} mb={4}>
            {t("audit.detail")}
          </Text>
          <Json value={entry.detail ?? null} label={t("audit.detail")} />
        </div>
      )}
      {rest && Object.keys(rest).length > 0 && <Json value={rest} label={t("audit.detail")} />}
      <Text size="xs" c="dimmed" style={{ wordBreak: "break-all" }}>
        {t("audit.hash")}: {entry.hash}
      </Text>
    </Stack>
  );
}
