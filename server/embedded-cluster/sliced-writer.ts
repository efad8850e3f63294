import type { ServerResponse } from 'node:http';

/** How much encoded text one slice holds before the writer yields (a few ms of JSON.stringify). */
const SLICE_BYTES = 256 * 1024;

/**
 * Writes `count` encoded pieces (list items, watch events) to `res` a slice at a time, giving the event loop
 * a turn between slices and waiting for `drain` while the socket's buffer is full. One 150 MB answer (a list
 * of 50,000 pods, the initial events of a watch over them) would otherwise hold every other request for
 * seconds and buffer all of itself in memory; kube-apiserver likewise streams large lists item by item and
 * writes a watch's events as the client reads them. Resolves false when the client went away meanwhile.
 */
export async function writeSliced(res: ServerResponse, options: { count: number; encode(index: number): string }): Promise<boolean> {
  let slice: string[] = [];
  let bytes = 0;
  for (let index = 0; index < options.count; index++) {
    const text = options.encode(index);
    slice.push(text);
    bytes += text.length;
    if (bytes < SLICE_BYTES && index < options.count - 1) continue;
    if (!writable(res)) return false;
    const flushed = res.write(slice.join(''));
    slice = [];
    bytes = 0;
    await (flushed ? nextTurn() : drained(res));
  }
  return writable(res);
}

const writable = (res: ServerResponse) => !res.writableEnded && !res.destroyed;

// setImmediate, not a resolved promise: a microtask would run before any other request's I/O.
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

function drained(res: ServerResponse): Promise<void> {
  return new Promise<void>((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}
