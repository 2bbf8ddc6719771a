import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { resetPasswordBody, userBody, userPatch, userSchema } from '../../../common/api/users';
import { http, type IdResult, type OkResult } from '../../api/client';

export type User = z.infer<typeof userSchema>;
export type UserInput = z.input<typeof userBody>;
export type UserPatchInput = z.input<typeof userPatch>;

const usersQueryKey = ['users'] as const;

export function useUsers() {
  return useQuery({ queryKey: usersQueryKey, queryFn: () => http.get<{ items: User[] }>('/users') });
}

function useInvalidateUsers() {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: usersQueryKey }),
      // People show which account is linked to them.
      client.invalidateQueries({ queryKey: ['people'] }),
    ]);
}

export function useCreateUser() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: (body: UserInput) => http.post<IdResult | User>('/users', body),
    onSuccess: invalidate,
  });
}

export function useUpdateUser() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: ({ id, patch }: { id: number; patch: UserPatchInput }) =>
      http.patch<unknown>(`/users/${id}`, patch),
    onSuccess: invalidate,
  });
}

export function useResetPassword() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: z.input<typeof resetPasswordBody> }) =>
      http.post<OkResult>(`/users/${id}/reset-password`, body),
    onSuccess: invalidate,
  });
}

export function useUnlockUser() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: (id: number) => http.post<OkResult>(`/users/${id}/unlock`),
    onSuccess: invalidate,
  });
}

/** Locked by too many failed logins, as of now. */
export function isLocked(user: User, now = Date.now()): boolean {
  return user.lockedUntil !== null && Date.parse(user.lockedUntil) > now;
}
