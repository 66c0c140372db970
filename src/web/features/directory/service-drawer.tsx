import { Anchor, Badge, Button, Drawer, Group, Stack, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useDescribeError } from "../../app/errors.ts";
import { notifySaved } from "../../app/ui/notify.ts";
import { type DirectoryService, useDeactivateService } from "./api.ts";

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="sm" fw={600}>
        {label}
      </Text>
      <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
        {children || "—"}
      </Text>
    </div>
  );
}

/** One service in full, with edit and deactivate for those who may change the directory. */
export function ServiceDrawer({
  service,
  canWrite,
  onEdit,
  onClose,
}: {
  service: DirectoryService | null;
  canWrite: boolean;
  onEdit: (s: DirectoryService) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const deactivate = useDeactivateService();
  const describe = useDescribeError();
  const s = service;
  const contact = (label: string, value: string | null, priv: boolean, href: string) =>
    value && (
      <Group gap="xs">
        <Text size="sm">{label}:</Text>
        <Anchor size="sm" href={href}>
          {value}
        </Anchor>
        {priv && (
          <Badge size="sm" color="gray" variant="outline">
            {t("directory.privateBadge")}
          </Badge>
        )}
      </Group>
    );
  return (
    <Drawer
      opened={s !== null}
      onClose={onClose}
      position="right"
      size="lg"
      title={s ? t("directory.details", { name: s.name }) : ""}
      closeButtonProps={{ "aria-label": t("common.close") }}
    >
      {s && (
        <Stack gap="sm">
          <Group gap="xs">
            <Title order={2} size="h4">
              {s.name}
            </Title>
            <Badge variant="light">{t(`directory.sectors.${s.sector}`)}</Badge>
            {!s.active && <Badge color="gray">{t("directory.inactive")}</Badge>}
          </Group>
          <Text size="sm" c="dimmed">
            {s.code}
          </Text>
          <Row label={t("directory.fields.description")}>{s.description}</Row>
          <Row label={t("directory.fields.areaIds")}>{s.areas.map((a) => a.name).join(", ")}</Row>
          <Row label={t("directory.fields.eligibility")}>{s.eligibility}</Row>
          <Row label={t("directory.fields.referralRoute")}>
            {t(`directory.referralRoutes.${s.referralRoute}`)}
          </Row>
          <Row label={t("directory.fields.referralHow")}>{s.referralHow}</Row>
          <Row label={t("directory.fields.openingHours")}>{s.openingHours}</Row>
          <Row label={t("directory.fields.languages")}>{s.languages.join(", ")}</Row>
          <Text size="sm" fw={600}>
            {t("directory.contacts")}
          </Text>
          {contact(t("directory.fields.phone"), s.phone, s.phonePrivate, `tel:${s.phone}`)}
          {contact(t("directory.fields.email"), s.email, s.emailPrivate, `mailto:${s.email}`)}
          {contact(t("directory.fields.web"), s.web, s.webPrivate, s.web ?? "")}
          {canWrite && (
            <Group mt="md">
              <Button onClick={() => onEdit(s)}>{t("common.edit")}</Button>
              {s.active && (
                <Button
                  color="red"
                  variant="light"
                  loading={deactivate.isPending}
                  onClick={() => {
                    if (!window.confirm(t("directory.deactivateConfirm", { name: s.name }))) return;
                    deactivate.mutate(
                      { id: s.id, baseVersion: s.version },
                      {
                        onSuccess: () => {
                          notifySaved(t("directory.deactivated"));
                          onClose();
                        },
                        onError: (e) => notifications.show({ color: "red", message: describe(e) }),
                      },
                    );
                  }}
                >
                  {t("directory.deactivate")}
                </Button>
              )}
            </Group>
          )}
        </Stack>
      )}
    </Drawer>
  );
}
