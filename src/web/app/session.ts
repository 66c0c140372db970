import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ApiError, del, get, patch, post, setCsrfToken } from "./api.ts";
import { i18n } from "./i18n.ts";
import { setRegionTimeZone } from "./today.ts";
import type { Me } from "./types.ts";

export const ME_KEY = ["me"] as const;

/** Adopt a session: remember its CSRF token and speak the user's language. */
export function adoptMe(me: Me | null): Me | null {
  setCsrfToken(me?.csrfToken ?? null);
  setRegionTimeZone(me?.timeZone ?? null);
  if (me && i18n.language !== me.language) void i18n.changeLanguage(me.language);
  return me;
}

/** The signed-in user, or null when there is no session. */
export function useMe() {
  return useQuery({
    queryKey: ME_KEY,
    queryFn: async () => {
      try {
        return adoptMe(await get<Me>("/api/me"));
      } catch (err) {
        if (err instanceof ApiError && err.status === 401) return adoptMe(null);
        throw err;
      }
    },
    staleTime: 5 * 60_000,
  });
}

/** The signed-in user, for components rendered only inside the authenticated shell. */
export function useCurrentUser(): Me {
  const { data } = useMe();
  if (!data) throw new Error("useCurrentUser outside an authenticated page");
  return data;
}

export function useLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { username: string; password: string }) => post<Me>("/api/session", body),
    onSuccess: (me) => {
      qc.clear();
      qc.setQueryData(ME_KEY, adoptMe(me));
    },
  });
}

export function useLogout() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => del<{ ok: true }>("/api/session"),
    onSettled: () => {
      adoptMe(null);
      qc.clear();
      qc.setQueryData(ME_KEY, null);
    },
  });
}

export function useUpdatePreferences() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { language?: "en" | "it"; displayName?: string }) => patch<Me>("/api/me", body),
    onSuccess: (me) => qc.setQueryData(ME_KEY, adoptMe(me)),
  });
}

export function useChangePassword() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) =>
      post<{ ok: true }>("/api/me/password", body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ME_KEY }),
  });
}
