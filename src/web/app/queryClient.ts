import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import type { Me } from '../../common/api/auth';
import { ApiError } from '../api/client';
import { meQueryKey } from '../features/auth/auth.api';

const AUTH_NOTICE_KEY = 'duibiao.authNotice';

/** The login page shows why the user landed there (e.g. an expired session) once. */
export function takeAuthNotice(): string | null {
  try {
    const notice = sessionStorage.getItem(AUTH_NOTICE_KEY);
    sessionStorage.removeItem(AUTH_NOTICE_KEY);
    return notice;
  } catch {
    return null;
  }
}

/**
 * Any call may find the session gone or a password change pending. Instead of navigating from
 * here, the cached "me" is corrected; the session gate then shows the login or password page.
 */
function onApiError(client: QueryClient, error: unknown): void {
  if (!(error instanceof ApiError)) return;
  if (error.code === 'UNAUTHENTICATED' || error.code === 'SESSION_EXPIRED') {
    try {
      sessionStorage.setItem(AUTH_NOTICE_KEY, error.code);
    } catch {
      // The notice is a courtesy only.
    }
    client.removeQueries({ predicate: (q) => q.queryKey[0] !== meQueryKey[0] });
    client.setQueryData<Me>(meQueryKey, (me) => (me ? { ...me, authenticated: false, user: null } : me));
    void client.invalidateQueries({ queryKey: meQueryKey });
  } else if (error.code === 'PASSWORD_CHANGE_REQUIRED') {
    void client.invalidateQueries({ queryKey: meQueryKey });
  }
}

export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: (error) => onApiError(client, error) }),
    mutationCache: new MutationCache({ onError: (error) => onApiError(client, error) }),
    defaultOptions: {
      queries: {
        // A 4xx will not change on retry; network and server failures might.
        retry: (count, error) =>
          !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
        refetchOnWindowFocus: false,
        staleTime: 30_000,
      },
      mutations: { retry: false },
    },
  });
  return client;
}
