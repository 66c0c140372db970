import { useMutation, useQuery } from "@tanstack/react-query";
import { get, upload } from "../../app/api.ts";
import { finished, type ImportJob } from "./types.ts";

/** The job is asked for again this often while it runs. */
const POLL_MS = 500;

export const importKeys = { job: (id: string) => ["imports", "job", id] as const };

/** Upload CSV files (or one zip) as multipart/form-data; the answer is the job (202). */
export function useStartImport() {
  return useMutation({
    mutationFn: (v: { files: File[]; ignoreUnknownColumns: boolean; createProgrammes: boolean }) => {
      const form = new FormData();
      if (v.ignoreUnknownColumns) form.append("ignoreUnknownColumns", "true");
      if (v.createProgrammes) form.append("createProgrammes", "true");
      for (const f of v.files) form.append("files", f, f.name);
      return upload<ImportJob>("/api/imports", form);
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
