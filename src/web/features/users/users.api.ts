import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { resetPasswordBody, userBody, userPatch, userSchema } from '../../../common/api/users';
import { usersApi } from '../../../common/api/users.routes';
import { call } from '../../api/call';

export type User = z.infer<typeof userSchema>;
export type UserInput = z.input<typeof userBody>;
export type UserPatchInput = z.input<typeof userPatch>;

const usersQueryKey = ['users'] as const;

export function useUsers() {
  return useQuery({ queryKey: usersQueryKey, queryFn: () => call(usersApi.list) });
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
    mutationFn: (body: UserInput) => call(usersApi.create, { body }),
    onSuccess: invalidate,
  });
}

export function useUpdateUser() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: ({ id, patch }: { id: number; patch: UserPatchInput }) =>
      call(usersApi.update, { params: { id }, body: patch }),
    onSuccess: invalidate,
  });
}

export function useResetPassword() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: z.input<typeof resetPasswordBody> }) =>
      call(usersApi.resetPassword, { params: { id }, body }),
    onSuccess: invalidate,
  });
}

export function useUnlockUser() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: (id: number) => call(usersApi.unlock, { params: { id } }),
    onSuccess: invalidate,
  });
}

/** Locked by too many failed logins, as of now. */
export function isLocked(user: User, now = Date.now()): boolean {
  return user.lockedUntil !== null && Date.parse(user.lockedUntil) > now;
}
