import { type QueryKey, useMutation, useQueryClient } from "@tanstack/react-query";

/** A write whose success makes the listed queries stale (prefix match). */
export function useWrite<TVars, TResult>(fn: (vars: TVars) => Promise<TResult>, invalidates: QueryKey[]) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      await Promise.all(invalidates.map((queryKey) => qc.invalidateQueries({ queryKey })));
    },
  });
}
