import {
  Alert,
  Box,
  Button,
  Center,
  Group,
  Paper,
  PasswordInput,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { IconAlertTriangle, IconStethoscope } from "@tabler/icons-react";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, useLocation, useNavigate } from "react-router";
import { ApiError } from "../../app/api.ts";
import { useDescribeError } from "../../app/errors.ts";
import type { Language } from "../../app/i18n.ts";
import { usePageTitle } from "../../app/page.tsx";
import { useLogin, useMe } from "../../app/session.ts";

/** Sign in with username and password; then back to the page that asked for it. */
export function LoginPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t("auth.title"));
  const me = useMe();
  const login = useLogin();
  const navigate = useNavigate();
  const location = useLocation();
  const describe = useDescribeError();
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const from = (location.state as { from?: string } | null)?.from ?? "/";

  if (me.data) return <Navigate to={from} replace />;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    login.mutate({ username, password }, { onSuccess: () => navigate(from, { replace: true }) });
  };
  const error =
    login.error instanceof ApiError && login.error.status === 401
      ? t("auth.wrongCredentials")
      : login.error instanceof ApiError && login.error.status === 400
        ? t("auth.fillBoth")
        : login.error
          ? describe(login.error)
          : null;

  return (
    <Box component="main" bg="var(--mantine-color-gray-0)" mih="100vh">
      <Center mih="100vh" p="md">
        <Stack w="100%" maw={420} gap="lg">
          <Group justify="space-between" align="center">
            <Group gap={8}>
              <IconStethoscope
                size={32}
                stroke={1.7}
                color="var(--mantine-primary-color-filled)"
                aria-hidden="true"
              />
              <Text fw={700} fz={26}>
                Praxis
              </Text>
            </Group>
            <SegmentedControl
              size="xs"
              aria-label={t("shell.language")}
              value={i18n.language}
              onChange={(v) => void i18n.changeLanguage(v as Language)}
              data={[
                { value: "en", label: "EN" },
                { value: "it", label: "IT" },
              ]}
            />
          </Group>
          <Paper withBorder shadow="sm" p="xl" radius="md">
            <form onSubmit={submit} noValidate aria-labelledby="login-title">
              <Stack>
                <div>
                  <Title order={1} size="h3" id="login-title">
                    {t("auth.title")}
                  </Title>
                  <Text c="dimmed" size="sm" mt={4}>
                    {t("auth.tagline")}
                  </Text>
                </div>
                {error && (
                  <Alert
                    color="red"
                    variant="light"
                    icon={<IconAlertTriangle aria-hidden="true" />}
                    role="alert"
                  >
                    {error}
                  </Alert>
                )}
                <TextInput
                  label={t("auth.username")}
                  name="username"
                  autoComplete="username"
                  autoCapitalize="none"
                  required
                  value={username}
                  onChange={(e) => setUsername(e.currentTarget.value)}
                  data-autofocus
                />
                <PasswordInput
                  label={t("auth.password")}
                  name="password"
                  autoComplete="current-password"
                  required
                  value={password}
                  onChange={(e) => setPassword(e.currentTarget.value)}
                />
                <Button type="submit" loading={login.isPending} fullWidth>
                  {t("auth.login")}
                </Button>
              </Stack>
            </form>
          </Paper>
        </Stack>
      </Center>
    </Box>
  );
}
