import { Alert, Anchor, Text } from "@mantine/core";
import { IconLock } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, Navigate, Outlet, useLocation } from "react-router";
import { canUseRegistry, canUseRegistryAt } from "./data/registry-access.ts";
import { isRefusal, type RefusalReason, refusalReason } from "./errors.ts";
import { ErrorAlert, Loading, Page, QueryView } from "./page.tsx";
import { useCurrentUser, useMe } from "./session.ts";

/**
 * Pages behind a session: without one, the login page (which brings the user back here); with
 * a password to change, the password page first.
 */
export function RequireSession() {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <Loading />;
  if (me.error) return <ErrorAlert error={me.error} />;
  if (!me.data) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  if (me.data.mustChangePassword && location.pathname !== "/account/password") {
    return <Navigate to="/account/password" replace />;
  }
  return <Outlet />;
}

/** A page the server reserves to administrators: others get an explanation, not a broken page. */
export function RequireAdmin({ children }: { children: ReactNode }) {
  const me = useCurrentUser();
  if (!me.isAdmin) return <NoAccess />;
  return <>{children}</>;
}

/**
 * A patient-level page (the registry, the data-quality lists): a viewer is told that they see
 * aggregated figures only, and — for a site's page — anyone else that the site is not among
 * theirs, before anything is asked of the server (which refuses the same with these reasons).
 */
export function RequireRegistry({ siteId, children }: { siteId?: number; children: ReactNode }) {
  const me = useCurrentUser();
  if (!canUseRegistry(me)) return <NoAccess reason="aggregates_only" />;
  if (siteId !== undefined && Number.isInteger(siteId) && !canUseRegistryAt(me, siteId))
    return <NoAccess reason="not_your_site" />;
  return <>{children}</>;
}

/** The page a user's role refuses: why, in their language, and the way back home. */
export function NoAccess({ reason = "administrators_only" }: { reason?: RefusalReason }) {
  const { t } = useTranslation();
  return (
    <Page title={t("errors.noAccessTitle")}>
      <Alert color="orange" variant="light" icon={<IconLock aria-hidden="true" />}>
        <Text size="sm">{t(`errors.reasons.${reason}`)}</Text>
        <Anchor component={Link} to="/" size="sm">
          {t("errors.backHome")}
        </Anchor>
      </Alert>
    </Page>
  );
}

/**
 * The query a whole page stands on: loading, the page itself, or — when the server refuses it —
 * the refused page with the server's reason (a patient of another site), not an error.
 */
export function PageQuery<T>({
  query,
  children,
}: {
  query: { data: T | undefined; error: unknown; isPending: boolean };
  children: (data: T) => ReactNode;
}) {
  if (isRefusal(query.error)) return <NoAccess reason={refusalReason(query.error.reason)} />;
  return <QueryView query={query}>{children}</QueryView>;
}
