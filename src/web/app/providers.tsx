import { MantineProvider, mergeThemeOverrides, Notification } from "@mantine/core";
import { DatesProvider } from "@mantine/dates";
import { Notifications } from "@mantine/notifications";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import "dayjs/locale/it";
import { createContext, type ReactNode, useContext, useEffect, useMemo, useState } from "react";
import { I18nextProvider, useTranslation } from "react-i18next";
import { createBrowserRouter, RouterProvider } from "react-router";
import { ApiError, setPasswordChangeRequiredHandler, setUnauthenticatedHandler } from "./api.ts";
import { i18n } from "./i18n.ts";
import { adoptMe, ME_KEY } from "./session.ts";
import { cssVariablesResolver, theme } from "./theme.ts";

function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Errors the server chose (4xx) do not get better by asking again.
        retry: (count, err) =>
          !(err instanceof ApiError && err.status >= 400 && err.status < 500) && count < 2,
        refetchOnWindowFocus: false,
        staleTime: 30_000,
      },
    },
  });
}

/** Mantine's dates speak the user's language. */
function LocalisedDates({ children }: { children: ReactNode }) {
  const { i18n: current } = useTranslation();
  return <DatesProvider settings={{ locale: current.language, firstDayOfWeek: 1 }}>{children}</DatesProvider>;
}

/**
 * The theme, plus what depends on the language: every notification's close button is named
 * ("Close" / "Chiudi"), whichever feature shows it.
 */
function LocalisedMantine({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const close = t("common.close");
  const localised = useMemo(
    () =>
      mergeThemeOverrides(theme, {
        components: {
          Notification: Notification.extend({
            defaultProps: { closeButtonProps: { "aria-label": close } },
          }),
        },
      }),
    [close],
  );
  return (
    <MantineProvider theme={localised} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      {children}
    </MantineProvider>
  );
}

/** The app's pages (`routes.tsx`), handed to the router's one route. */
const Pages = createContext<ReactNode>(null);
const RenderPages = () => useContext(Pages);

/**
 * A data router whose one route matches every address and renders the app's `<Routes>`: the
 * pages stay declared as elements, and what only a data router offers works — `useBlocker`, with
 * which a form with unsaved edits asks before the user leaves (`ui/unsaved-changes-guard.tsx`).
 */
const makeRouter = () => createBrowserRouter([{ path: "*", element: <RenderPages /> }]);

export function Providers({ children }: { children: ReactNode }) {
  const [queryClient] = useState(makeQueryClient);
  const [router] = useState(makeRouter);
  useEffect(() => {
    // A lost session anywhere sends the app back to the login page (see RequireSession).
    setUnauthenticatedHandler(() => {
      adoptMe(null);
      queryClient.setQueryData(ME_KEY, null);
    });
    // A password to change (set by an administrator meanwhile): reload /api/me, whose
    // mustChangePassword sends RequireSession to the password page.
    setPasswordChangeRequiredHandler(() => {
      void queryClient.invalidateQueries({ queryKey: ME_KEY });
    });
    return () => {
      setUnauthenticatedHandler(null);
      setPasswordChangeRequiredHandler(null);
    };
  }, [queryClient]);
  return (
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <LocalisedMantine>
          <LocalisedDates>
            <Notifications position="top-right" />
            <Pages.Provider value={children}>
              <RouterProvider router={router} />
            </Pages.Provider>
          </LocalisedDates>
        </LocalisedMantine>
      </QueryClientProvider>
    </I18nextProvider>
  );
}
