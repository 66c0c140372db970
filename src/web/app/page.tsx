import { Alert, Anchor, Breadcrumbs, Center, Group, Loader, Stack, Text, Title } from "@mantine/core";
import { IconAlertTriangle, IconLock } from "@tabler/icons-react";
import { type ReactNode, useEffect } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { isRefusal, useDescribeError } from "./errors.ts";

/** The document title follows the page, so screen readers and tabs name it. */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} · Praxis` : "Praxis";
  }, [title]);
}

export interface Crumb {
  label: string;
  to?: string;
}

/** A page: breadcrumbs, its one heading, actions on the right, then the content. */
export function Page({
  title,
  subtitle,
  crumbs,
  actions,
  children,
}: {
  title: string;
  subtitle?: ReactNode;
  crumbs?: Crumb[];
  actions?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  usePageTitle(title);
  return (
    <Stack gap="lg">
      {crumbs && crumbs.length > 0 && (
        <nav aria-label={t("shell.breadcrumbs")}>
          <Breadcrumbs>
            {crumbs.map((c) =>
              c.to ? (
                <Anchor key={c.label} component={Link} to={c.to} size="sm">
                  {c.label}
                </Anchor>
              ) : (
                <Text key={c.label} size="sm" aria-current="page">
                  {c.label}
                </Text>
              ),
            )}
          </Breadcrumbs>
        </nav>
      )}
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Stack gap={4}>
          <Title order={1} size="h2">
            {title}
          </Title>
          {subtitle && (
            <Text c="dimmed" size="sm">
              {subtitle}
            </Text>
          )}
        </Stack>
        {actions && <Group gap="sm">{actions}</Group>}
      </Group>
      {children}
    </Stack>
  );
}

export function Loading() {
  const { t } = useTranslation();
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Loader size="md" aria-hidden="true" />
      <Text ml="sm" c="dimmed">
        {t("common.loading")}
      </Text>
    </Center>
  );
}

export function ErrorAlert({ error, title }: { error: unknown; title?: string }) {
  const { t } = useTranslation();
  const describe = useDescribeError();
  // A refusal is not a failure: say why the user may not see this (the server's reason).
  const refused = isRefusal(error);
  return (
    <Alert
      color={refused ? "orange" : "red"}
      variant="light"
      icon={refused ? <IconLock aria-hidden="true" /> : <IconAlertTriangle aria-hidden="true" />}
      title={title ?? (refused ? t("errors.noAccessTitle") : t("errors.title"))}
      role="alert"
    >
      {describe(error)}
    </Alert>
  );
}

/** Loading, error or content of a query. */
export function QueryView<T>({
  query,
  children,
}: {
  query: { data: T | undefined; error: unknown; isPending: boolean };
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) return <Loading />;
  if (query.error || query.data === undefined) return <ErrorAlert error={query.error} />;
  return <>{children(query.data)}</>;
}
