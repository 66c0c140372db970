import { Avatar, Button, Group, Menu, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconCheck, IconChevronDown, IconKey, IconLanguage, IconLogout } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { useDescribeError } from "./errors.ts";
import { LANGUAGES, type Language } from "./i18n.ts";
import { useCurrentUser, useLogout, useUpdatePreferences } from "./session.ts";

const LANGUAGE_NAMES: Record<Language, string> = { en: "English", it: "Italiano" };

function initials(name: string): string {
  return (
    name
      .split(/\s+/)
      .filter(Boolean)
      .slice(0, 2)
      .map((w) => w[0]!.toUpperCase())
      .join("") || "?"
  );
}

/** Who is signed in; change password, language (saved on the account) and log out. */
export function UserMenu() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const logout = useLogout();
  const preferences = useUpdatePreferences();
  const describe = useDescribeError();
  const name = me.displayName || me.username;
  const letters = initials(name);

  const setLanguage = (language: Language) => {
    if (language === me.language) return;
    preferences.mutate(
      { language },
      {
        onError: (err) =>
          notifications.show({ color: "red", title: t("errors.title"), message: describe(err) }),
      },
    );
  };

  return (
    <Menu position="bottom-end" width={240} withinPortal>
      <Menu.Target>
        <Button
          variant="subtle"
          color="gray"
          // the visible initials first, then the name (hidden on narrow screens): the accessible
          // name contains every word shown (WCAG 2.5.3, label in name)
          aria-label={`${letters} ${name}`}
          rightSection={<IconChevronDown size={16} aria-hidden="true" />}
        >
          <Group gap="xs" wrap="nowrap">
            <Avatar size="sm" color="indigo" radius="xl" aria-hidden="true">
              {letters}
            </Avatar>
            <Text size="sm" fw={500} visibleFrom="xs" c="var(--mantine-color-text)">
              {name}
            </Text>
          </Group>
        </Button>
      </Menu.Target>
      <Menu.Dropdown aria-label={t("shell.userMenu")}>
        <Menu.Label>
          {t("shell.signedInAs")} {me.username}
        </Menu.Label>
        <Menu.Item
          leftSection={<IconKey size={16} aria-hidden="true" />}
          onClick={() => navigate("/account/password")}
        >
          {t("account.changePassword")}
        </Menu.Item>
        <Menu.Divider />
        <Menu.Label>
          <Group gap={6}>
            <IconLanguage size={14} aria-hidden="true" />
            {t("shell.language")}
          </Group>
        </Menu.Label>
        {LANGUAGES.map((lng) => (
          <Menu.Item
            key={lng}
            lang={lng}
            onClick={() => setLanguage(lng)}
            aria-current={lng === me.language ? "true" : undefined}
            rightSection={
              lng === me.language ? <IconCheck size={16} aria-label={t("shell.current")} /> : null
            }
          >
            {LANGUAGE_NAMES[lng]}
          </Menu.Item>
        ))}
        <Menu.Divider />
        <Menu.Item
          leftSection={<IconLogout size={16} aria-hidden="true" />}
          onClick={() => logout.mutate(undefined, { onSettled: () => navigate("/login", { replace: true }) })}
        >
          {t("auth.logout")}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
