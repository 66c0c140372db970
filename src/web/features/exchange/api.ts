import { useMutation, useQuery } from "@tanstack/react-query";
import { ApiError, type FieldIssue, get } from "../../app/api.ts";
import { useCurrentUser } from "../../app/session.ts";
import { finished, type ImportJob } from "./types.ts";

/** The job is asked for again this often while it runs. */
const POLL_MS = 500;

export const importKeys = { job: (id: string) => ["imports", "job", id] as const };

/**
 * Upload CSV files (or one zip) as multipart/form-data; the answer is the job (202). The app's
 * JSON client does not send forms, so this one call does it with the session's CSRF token.
 */
export function useStartImport() {
  const me = useCurrentUser();
  return useMutation({
    mutationFn: async (v: { files: File[]; ignoreUnknownColumns: boolean; createProgrammes: boolean }) => {
      const form = new FormData();
      if (v.ignoreUnknownColumns) form.append("ignoreUnknownColumns", "true");
      if (v.createProgrammes) form.append("createProgrammes", "true");
      for (const f of v.files) form.append("files", f, f.name);
      let res: Response;
      try {
        res = await fetch("/api/imports", {
          method: "POST",
          headers: { accept: "application/json", "x-csrf-token": me.csrfToken },
          credentials: "same-origin",
          body: form,
        });
      } catch {
        throw new ApiError(0, "network", "network error");
      }
      const data = (await res.json().catch(() => null)) as
        | (ImportJob & { error?: string; message?: string; issues?: FieldIssue[] })
        | null;
      if (!res.ok)
        throw new ApiError(
          res.status,
          data?.error ?? "http_error",
          data?.message ?? res.statusText,
          data?.issues ?? [],
        );
      return data as ImportJob;
    },
  });
}

/** An import job, asked for again every half second until it is done or rejected. */
export const useImportJob = (id: string | null) =>
  useQuery({
    queryKey: importKeys.job(id ?? ""),
    queryFn: () => get<ImportJob>(`/api/imports/${id}`),
    enabled: id !== null,
    refetchInterval: (q) => (q.state.data && finished(q.state.data.status) ? false : POLL_MS),
    staleTime: 0,
  });
