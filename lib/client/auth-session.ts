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
// Set once this tab is on its way to the login page: the socket's close, its failed reconnection and the other
// tab's message each say the session ended, and one navigation is enough (a second one cancels the first).
let leaving = false;

export async function logout(): Promise<void> {
  loggingOut = true;
  try {
    await apiFetch<void>(LOGOUT_PATH, { method: 'POST' });
  } catch (error) {
    loggingOut = false;
    throw error;
  }
  // The session is revoked only on the replica that answered the logout, which closes only the sockets it
  // holds; this tab's and the other tabs' may be held by another replica, which would keep them open until
  // the session idles out there. This tab closes its own and tells the others of this browser to.
  closeChannel();
  new BroadcastChannel(SESSION_BROADCAST).postMessage('logged-out');
  window.location.assign(LOGIN_PAGE);
}

/** The browser channel on which a tab that logged out tells this browser's other tabs. */
const SESSION_BROADCAST = 'pilothouse:session';

/**
 * Runs `onLoggedOut` when another tab of this browser logs out (its cookie, which they share, is gone).
 * Returns the function that stops listening.
 */
export function onLogoutElsewhere(onLoggedOut: () => void): () => void {
  const channel = new BroadcastChannel(SESSION_BROADCAST);
  channel.onmessage = () => onLoggedOut();
  return () => channel.close();
}

/** Who the session is; owns its query key. */
export const whoAmIQuery = () => queryOptions({ queryKey: ['auth', 'whoami'], queryFn: ({ signal }) => apiFetch<WhoAmI>(WHOAMI_PATH, { signal }), staleTime: Infinity });

/**
 * When the server closes the live channel or refuses it, and the reason is that the session is over (logout
 * in another tab, expiry), goes to the login page with this page as `next`, so the user comes back here.
 * Any other failure (the console restarting, the network) is left to the socket's own reconnection.
 */
export async function loginIfSessionEnded(): Promise<void> {
  if (leaving) return;
  try {
    await apiFetch<WhoAmI>(WHOAMI_PATH);
  } catch (error) {
    if (error instanceof ApiError && error.code === 401 && !loggingOut && !leaving) {
      leaving = true;
      // A full load, not a client navigation: every live view and the shell must go with the session.
      // eslint-disable-next-line @next/next/no-location-assign-relative-destination
      window.location.assign(`${LOGIN_PAGE}?next=${encodeURIComponent(window.location.pathname + window.location.search)}`);
    }
  }
}
