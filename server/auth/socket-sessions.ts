import type { SocketHub } from '../socket-hub';
import type { AuthGate } from './gate';

/** setTimeout fires at once past this (2^31 - 1 ms, about 24.8 days). */
const MAX_TIMER_MS = 2 ** 31 - 1;
const room = (sid: string) => `session:${sid}`;

/**
 * Gives every socket the identity its handshake authenticated (so every event acts as that user) and ties
 * it to its session: the socket is closed when the session ends by logout, reaches its absolute expiry,
 * goes unused over HTTP for the idle time, or (oidc) cannot be refreshed, and with it go its subscriptions, log streams and exec sessions (their `disconnect` handlers end them).
 */
export function attachSocketSessions(io: SocketHub, gate: AuthGate): void {
  io.use((socket, next) => {
    const authenticated = gate.handshake(socket.request);
    if (!authenticated) return next(new Error('a session is required: log in first'));
    socket.data.identity = authenticated.identity;
    const session = authenticated.session;
    if (session) {
      socket.data.sessionId = session.sid;
      void socket.join(room(session.sid));
      const timer = setTimeout(() => socket.disconnect(true), Math.min(MAX_TIMER_MS, Math.max(0, gate.sealer.endsAt(session) - Date.now())));
      timer.unref();
      // Idle: a live list watched with no page load for the idle time is an unattended screen.
      const idle = setInterval(() => {
        if (Date.now() - gate.authenticator.lastUse(session) >= gate.idleMs) socket.disconnect(true);
      }, Math.min(60_000, Math.max(250, gate.idleMs / 4)));
      idle.unref();
      // Every event is a use of the session: oidc refreshes its tokens here when they are about to expire,
      // and a session whose refresh the provider refused is closed (its page then goes to the login page).
      socket.use((_packet, proceed) => {
        gate.authenticator.stillValid(session).then(
          (valid) => (valid ? proceed() : socket.disconnect(true)),
          () => socket.disconnect(true),
        );
      });
      socket.once('disconnect', () => {
        clearTimeout(timer);
        clearInterval(idle);
      });
    }
    next();
  });
  gate.onSessionEnded = (sid) => io.in(room(sid)).disconnectSockets(true);
}
