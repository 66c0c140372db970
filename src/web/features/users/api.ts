import { useQuery } from "@tanstack/react-query";
import { get, patch, post } from "../../app/api.ts";
import { useWrite } from "../../app/mutations.ts";
import type { Grant, User } from "../../app/types.ts";

export const userKeys = { all: ["users"] as const };

export const useUsers = () => useQuery({ queryKey: userKeys.all, queryFn: () => get<User[]>("/api/users") });

export const useCreateUser = () =>
  useWrite(
    (body: { username: string; displayName?: string; password: string; grants: Grant[] }) =>
      post<User>("/api/users", body),
    [userKeys.all],
  );

export const useUpdateUser = () =>
  useWrite(
    ({
      id,
      body,
    }: {
      id: number;
      body: { displayName?: string; active?: boolean; grants?: Grant[]; password?: string };
    }) => patch<User>(`/api/users/${id}`, body),
    [userKeys.all, ["me"]],
  );
