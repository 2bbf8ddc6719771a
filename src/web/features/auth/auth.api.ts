import { createContext, useContext } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { changePasswordBody, loginBody, LogoutResult, Me } from '../../../common/api/auth';
import { http, type OkResult } from '../../api/client';

export const meQueryKey = ['auth', 'me'] as const;

export type SessionUser = NonNullable<Me['user']>;

/** Who is signed in. Public: it also hands an anonymous visitor the CSRF cookie. */
export function useMe() {
  return useQuery({
    queryKey: meQueryKey,
    queryFn: () => http.get<Me>('/auth/me'),
    staleTime: 5 * 60_000,
  });
}

/**
 * The signed-in user, as the session gate last rendered it. Read from context rather than from
 * the "me" query, so a page that re-renders in the instant the session is lost (before the gate
 * redirects to login) still sees a user instead of crashing.
 */
export const SessionUserContext = createContext<SessionUser | null>(null);

export function useSessionUser(): SessionUser {
  const user = useContext(SessionUserContext);
  if (!user) throw new Error('useSessionUser used outside the signed-in area');
  return user;
}

export function useLogin() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof loginBody>) => http.post<Me>('/auth/login', body),
    onSuccess: (me) => {
      // A new session: nothing cached for the previous visitor may survive.
      client.removeQueries({ predicate: (q) => q.queryKey[0] !== meQueryKey[0] });
      client.setQueryData(meQueryKey, me);
    },
  });
}

export function useLogout() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => http.post<LogoutResult>('/auth/logout'),
    // Signed in through the company's provider: its session ends too, and it brings the browser back.
    onSuccess: (result) => {
      if (result.endSessionUrl) window.location.assign(result.endSessionUrl);
    },
    onSettled: async () => {
      client.removeQueries({ predicate: (q) => q.queryKey[0] !== meQueryKey[0] });
      await client.invalidateQueries({ queryKey: meQueryKey });
    },
  });
}

export function useChangePassword() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof changePasswordBody>) => http.post<OkResult>('/auth/password', body),
    onSuccess: () => client.invalidateQueries({ queryKey: meQueryKey }),
  });
}
