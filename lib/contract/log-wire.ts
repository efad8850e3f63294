/**
 * The `log:lines` wire. A batch is the log's own bytes, not a JSON array of strings: `data` holds whole lines
 * of UTF-8, each ending in `\n`, exactly as the API server sent them. socket.io sends a Buffer as one binary
 * attachment, so the BFF neither decodes nor JSON-escapes a line and the browser decodes a batch with one
 * `TextDecoder` call and keeps it as one string (see `lib/client/log-buffer.ts`). A line the BFF had to cut
 * (longer than its limit) ends in `\n` too; a log's last line without a newline gets one.
 */
export interface LogLines {
  id: string;
  /** A Buffer when sent by Node; an ArrayBuffer when received by the browser. */
  data: Uint8Array | ArrayBuffer;
}

const decoder = new TextDecoder('utf-8');

/**
 * A batch's text: its lines joined by `\n`, without the final newline and with the `\r` of `\r\n` removed, as
 * `kubectl logs` shows them. Bytes that are not UTF-8 become U+FFFD.
 */
export function logLinesText(data: Uint8Array | ArrayBuffer): string {
  const text = decoder.decode(data);
  const body = text.endsWith('\n') ? text.slice(0, -1) : text;
  return body.includes('\r') ? body.replace(/\r(?=\n|$)/g, '') : body;
}

/** A batch as separate lines (tests and tools; the viewer keeps the text whole). */
export function logLinesOf(data: Uint8Array | ArrayBuffer): string[] {
  const view = data instanceof ArrayBuffer ? new Uint8Array(data) : data;
  return view.byteLength === 0 ? [] : logLinesText(view).split('\n');
}
