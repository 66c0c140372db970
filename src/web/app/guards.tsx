import { Alert } from "@mantine/core";
import { IconLock } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, Outlet, useLocation } from "react-router";
import { ErrorAlert, Loading, Page } from "./page.tsx";
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

export function NoAccess() {
  const { t } = useTranslation();
  return (
    <Page title={t("errors.noAccessTitle")}>
      <Alert color="orange" variant="light" icon={<IconLock aria-hidden="true" />}>
        {t("errors.noAccess")}
      </Alert>
    </Page>
  );
}
