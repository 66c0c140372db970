import { Anchor, AppShell, Burger, Group, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconStethoscope } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link, Outlet } from "react-router";
import { Navigation } from "./nav.tsx";
import { UserMenu } from "./user-menu.tsx";

/** The signed-in layout: header with the user menu, navigation on the left, the page in main. */
export function Shell() {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure(false);
  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 250, breakpoint: "sm", collapsed: { mobile: !opened } }}
      padding="lg"
    >
      <a href="#main" className="skip-link">
        {t("shell.skipToContent")}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={opened ? t("shell.closeNavigation") : t("shell.openNavigation")}
            />
            <Anchor component={Link} to="/" underline="never" c="var(--mantine-color-text)">
              <Group gap={8} wrap="nowrap">
                <IconStethoscope
                  size={26}
                  stroke={1.7}
                  color="var(--mantine-primary-color-filled)"
                  aria-hidden="true"
                />
                <Text fw={700} size="lg">
                  Praxis
                </Text>
              </Group>
            </Anchor>
          </Group>
          <UserMenu />
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t("shell.navigation")}>
        <Navigation onNavigate={close} />
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1} bg="var(--mantine-color-gray-0)">
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
