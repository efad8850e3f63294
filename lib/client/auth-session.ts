import { queryOptions } from '@tanstack/react-query';
import { LOGIN_PAGE, LOGIN_PATH, LOGOUT_PATH, WHOAMI_PATH, type WhoAmI } from '@/lib/contract/auth';
import { ApiError, apiFetch } from './api-fetch';
import { closeChannel } from './socket';

/** Logs in with a bearer token; resolves with the path to go to (the server checked it is one of ours). */
export async function login(token: string, next: string): Promise<string> {
  const answer = await apiFetch<{ next: string }>(LOGIN_PATH, { method: 'POST', body: { token, next } });
  return answer.next;
}

/** Ends the session, then shows the login page (a full load: every live channel of this tab closes). */
// Set while this tab logs out: the server then closes its socket too, and that must not race the logout's
// own navigation with a login page that would bring the user back.
let loggingOut = false;

export async function logout(): Promise<void> {
  loggingOut = true;
  try {
    await apiFetch<void>(LOGOUT_PATH, { method: 'POST' });
  } catch (error) {
    loggingOut = false;
    throw error;
  }
  // The session is revoked only on the replica that answered the logout; this tab's socket may be held by
  // another one, which would keep it open until the session expires. The tab closes it itself.
  closeChannel();
  window.location.assign(LOGIN_PAGE);
}

/** Who the session is; owns its query key. */
export const whoAmIQuery = () => queryOptions({ queryKey: ['auth', 'whoami'], queryFn: ({ signal }) => apiFetch<WhoAmI>(WHOAMI_PATH, { signal }), staleTime: Infinity });

/**
 * When the server closes the live channel or refuses it, and the reason is that the session is over (logout
 * in another tab, expiry), goes to the login page with this page as `next`, so the user comes back here.
 * Any other failure (the console restarting, the network) is left to the socket's own reconnection.
 */
export async function loginIfSessionEnded(): Promise<void> {
  try {
    await apiFetch<WhoAmI>(WHOAMI_PATH);
  } catch (error) {
    if (error instanceof ApiError && error.code === 401 && !loggingOut) {
      // A full load, not a client navigation: every live view and the shell must go with the session.
      // eslint-disable-next-line @next/next/no-location-assign-relative-destination
      window.location.assign(`${LOGIN_PAGE}?next=${encodeURIComponent(window.location.pathname + window.location.search)}`);
    }
  }
}
