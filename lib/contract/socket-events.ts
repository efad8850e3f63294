/**
 * The socket.io wire between the browser and the console's server. Event names are `noun:verb`.
 * Channels for watches and logs join this map as they land.
 */
export interface ServerToClientEvents {
  /** Sent once after connecting, so the page can show that the live channel works. */
  'server:hello': (info: { version: string; connectedAt: string }) => void;
}

export interface ClientToServerEvents {
  'server:ping': (ack: (reply: { at: string }) => void) => void;
}

/** Path socket.io is served on; the same constant on both sides. */
export const SOCKET_PATH = '/socket.io/';
