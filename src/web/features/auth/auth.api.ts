import { createContext, useContext } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Me } from '../../../common/api/auth';
import { authApi, directoryApi, workAppsApi } from '../../../common/api/auth.routes';
import type { RouteInput } from '../../../common/api/route';
import { call } from '../../api/call';

export const meQueryKey = ['auth', 'me'] as const;

export type SessionUser = NonNullable<Me['user']>;

/** Who is signed in. Public: it also hands an anonymous visitor the CSRF cookie. */
export function useMe() {
  return useQuery({
    queryKey: meQueryKey,
    queryFn: () => call(authApi.me),
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

/** Signs in with a name and password: this system's own (`password`) or the company directory's. */
export function useLogin(against: 'password' | 'directory' = 'password') {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: RouteInput<typeof authApi.login>['body']) =>
      against === 'directory' ? call(directoryApi.login, { body }) : call(authApi.login, { body }),
    onSuccess: (me) => signedIn(client, me),
  });
}

/** A new session: nothing cached for the previous visitor may survive. */
function signedIn(client: ReturnType<typeof useQueryClient>, me: Me): void {
  client.removeQueries({ predicate: (q) => q.queryKey[0] !== meQueryKey[0] });
  client.setQueryData(meQueryKey, me);
}

/** Inside DingTalk: the one-time code the app gave the page, exchanged for a session. */
export function useDingtalkLogin() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => call(workAppsApi.dingtalkLogin, { body: { code } }),
    onSuccess: (me) => signedIn(client, me),
  });
}

export function useLogout() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => call(authApi.logout),
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
    mutationFn: (body: RouteInput<typeof authApi.changePassword>['body']) =>
      call(authApi.changePassword, { body }),
    onSuccess: () => client.invalidateQueries({ queryKey: meQueryKey }),
  });
}
