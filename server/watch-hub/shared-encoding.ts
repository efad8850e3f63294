import type { Socket } from 'socket.io';

/**
 * The watch messages one change fans out to: every subscriber of a scope gets the same objects in its
 * batch, under its own subscription id. `socket.emit` would JSON-encode the whole batch (and scan it for
 * binary attachments) once per socket: with 200 subscribers, 200 encodings of the same objects each batch,
 * which is where the BFF spent its time at 200 events a second. Here each object is encoded once per event
 * loop turn, whichever socket needs it first, and every socket's message is spliced from those strings.
 */

/** The `watch:*` messages whose payload carries the watch's objects, and how deep those objects sit. */
const OBJECT_DEPTH = {
  // { id, events: [{ type, object }], resourceVersion }: each event's object is memoized.
  'watch:events': 3,
  // { id, items: [object], resourceVersion }: each item is memoized.
  'watch:snapshot': 2,
} as const;

export type SharedEncodingEvent = keyof typeof OBJECT_DEPTH;

/** A value's JSON text, and a short key that is equal for equal encodings within one turn. */
interface Encoded {
  text: string;
  key: string;
}

/** What is remembered for one event loop turn. */
interface TurnMemo {
  /** Objects at the memoized depth, by identity. */
  objects: WeakMap<object, Encoded>;
  /** Arrays and objects above it, by identity (encoded at the same depth: they sit at the same place). */
  composites: WeakMap<object, Encoded>;
  /** Their texts by the keys of what they hold, for equal contents in fresh wrappers (one per socket). */
  texts: Map<string, string>;
  nextId: number;
}

// Valid for one turn: the hub fans a batch out synchronously, and nothing keeps strings of objects that
// may change (or be dropped) by the next turn.
let memo: TurnMemo | undefined;

function turnMemo(): TurnMemo {
  if (!memo) {
    memo = { objects: new WeakMap(), composites: new WeakMap(), texts: new Map(), nextId: 0 };
    queueMicrotask(() => (memo = undefined));
  }
  return memo;
}

function encode(value: unknown, depth: number, top = false): Encoded | undefined {
  if (typeof value !== 'object' || value === null || typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    const text = JSON.stringify(value) as string | undefined;
    return text === undefined ? undefined : { text, key: text };
  }
  const turn = turnMemo();
  if (depth === 0) {
    let encoded = turn.objects.get(value);
    if (!encoded) {
      encoded = { text: JSON.stringify(value), key: `#${turn.nextId++}` };
      turn.objects.set(value, encoded);
    }
    return encoded;
  }
  // The same array or object again (one view shared by many subscribers): nothing to visit.
  const again = turn.composites.get(value);
  if (again) return again;
  const parts: Encoded[] = [];
  const names: string[] = [];
  if (Array.isArray(value)) {
    for (const item of value) parts.push(encode(item, depth - 1) ?? { text: 'null', key: 'null' });
  } else {
    for (const [name, item] of Object.entries(value)) {
      const encoded = encode(item, depth - 1);
      if (encoded === undefined) continue;
      names.push(`${JSON.stringify(name)}:`);
      parts.push(encoded);
    }
  }
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  const join = (pick: (part: Encoded) => string) => `${open}${parts.map((part, i) => `${names[i] ?? ''}${pick(part)}`).join(',')}${close}`;
  // The payload itself differs per socket (its subscription id): joined, never remembered.
  if (top) return { text: join((part) => part.text), key: '' };
  const key = join((part) => part.key);
  let text = turn.texts.get(key);
  if (text === undefined) {
    text = join((part) => part.text);
    turn.texts.set(key, text);
  }
  const encoded = { text, key };
  turn.composites.set(value, encoded);
  return encoded;
}

/**
 * JSON.stringify's output (same rules for undefined, functions and toJSON), with the objects `depth` levels
 * down encoded once per turn, and the arrays and objects that hold them joined once per turn for equal
 * contents, shared by every payload that holds the same objects.
 */
export function encodeShared(value: unknown, depth: number): string | undefined {
  return encode(value, depth, true)?.text;
}

/** socket.io's own client-side writer, given a packet it has already encoded (as its adapter's broadcast does). */
interface PreEncodedWriter {
  _packet(packet: string, options: { preEncoded: true }): void;
}

/**
 * `socket.emit(event, payload)` for watch messages, with the objects encoded once for all sockets. The packet
 * is what socket.io-parser writes for an event on the main namespace without binary parts (`2["event",payload]`,
 * the watch payloads never hold Buffers), handed to the socket's client as socket.io's broadcast hands
 * pre-encoded packets, so a disconnected socket drops it the same way.
 */
export function emitShared(socket: Socket, event: SharedEncodingEvent, payload: object): void {
  if (socket.nsp.name !== '/') {
    socket.emit(event, payload);
    return;
  }
  const packet = `2[${JSON.stringify(event)},${encodeShared(payload, OBJECT_DEPTH[event]) ?? 'null'}]`;
  (socket.client as unknown as PreEncodedWriter)._packet(packet, { preEncoded: true });
}
