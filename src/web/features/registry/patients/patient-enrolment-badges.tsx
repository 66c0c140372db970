import { Badge, Group, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { PatientDetail } from "../../../app/data/registry-types.ts";

/** A patient's enrolments as badges: programme (and site when it is another), open or ended. */
export function PatientEnrolmentBadges({
  detail,
  siteId,
}: {
  detail: PatientDetail | undefined;
  siteId?: number;
}) {
  const { t } = useTranslation();
  if (!detail)
    return (
      <Text size="sm" c="dimmed">
        …
      </Text>
    );
  if (detail.enrolments.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t("registry.patients.notEnrolled")}
      </Text>
    );
  return (
    <Group gap={4}>
      {detail.enrolments.map((e) => {
        const label = e.siteId === siteId ? e.programmeCode : `${e.programmeCode} · ${e.siteCode}`;
        return e.endDate ? (
          <Badge key={e.id} variant="outline" color="gray.7" tt="none">
            {t("registry.patients.enrolmentEnded", { label })}
          </Badge>
        ) : (
          <Badge key={e.id} variant="light" color="teal" tt="none">
            {t("registry.patients.enrolmentOpen", { label, date: e.enrolmentDate })}
          </Badge>
        );
      })}
    </Group>
  );
}
