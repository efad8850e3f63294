import { queryOptions } from '@tanstack/react-query';
import { LOGIN_PAGE, LOGIN_PATH, LOGOUT_PATH, WHOAMI_PATH, type WhoAmI } from '@/lib/contract/auth';
import { apiFetch } from './api-fetch';

/** Logs in with a bearer token; resolves with the path to go to (the server checked it is one of ours). */
export async function login(token: string, next: string): Promise<string> {
  const answer = await apiFetch<{ next: string }>(LOGIN_PATH, { method: 'POST', body: { token, next } });
  return answer.next;
}

/** Ends the session, then shows the login page (a full load: every live channel of this tab closes). */
export async function logout(): Promise<void> {
  await apiFetch<void>(LOGOUT_PATH, { method: 'POST' });
  window.location.assign(LOGIN_PAGE);
}

/** Who the session is; owns its query key. */
export const whoAmIQuery = () => queryOptions({ queryKey: ['auth', 'whoami'], queryFn: ({ signal }) => apiFetch<WhoAmI>(WHOAMI_PATH, { signal }), staleTime: Infinity });
