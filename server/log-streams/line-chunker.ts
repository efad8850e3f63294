const NEWLINE = 0x0a;
const NEWLINE_BYTE = Buffer.from('\n');

/** Where to cut `bytes` at or before `at` without splitting a UTF-8 character (never before 1). */
function characterBoundary(bytes: Buffer, at: number): number {
  let cut = at;
  // Continuation bytes are 10xxxxxx: back off to the character's first byte.
  while (cut > 1 && (bytes[cut] & 0xc0) === 0x80) cut--;
  return cut;
}

/**
 * Cuts a byte stream into runs of whole lines without decoding it: each `push` returns the bytes up to the
 * chunk's last newline (whole lines, each ending in `\n`, as the wire in `lib/contract/log-wire.ts` wants) and
 * keeps the rest for the next chunk. A line longer than `maxLineBytes` is cut there (at a character boundary,
 * with a `\n` added), so a container that never writes a newline cannot make the BFF buffer without bound.
 */
export class LineChunker {
  private partial: Buffer[] = [];
  private partialBytes = 0;

  constructor(private readonly maxLineBytes = 1024 * 1024) {}

  push(chunk: Buffer): Buffer | undefined {
    const newline = chunk.lastIndexOf(NEWLINE);
    if (newline === -1) {
      this.partial.push(chunk);
      this.partialBytes += chunk.length;
      return this.partialBytes > this.maxLineBytes ? this.cutLongLines() : undefined;
    }
    const whole = this.partial.length === 0 ? chunk.subarray(0, newline + 1) : Buffer.concat([...this.partial, chunk.subarray(0, newline + 1)]);
    const rest = chunk.subarray(newline + 1);
    this.partial = rest.length > 0 ? [rest] : [];
    this.partialBytes = rest.length;
    // A long line can only be in what was held before this chunk's first newline; the rare case pays a scan.
    return whole.length > this.maxLineBytes ? this.cutLines(whole) : whole;
  }

  /** The last line, with a newline, when the stream ended without one. */
  end(): Buffer | undefined {
    if (this.partialBytes === 0) return undefined;
    const rest = Buffer.concat([...this.partial, NEWLINE_BYTE]);
    this.partial = [];
    this.partialBytes = 0;
    return rest;
  }

  private cutLongLines(): Buffer {
    const held = Buffer.concat(this.partial);
    const parts: Buffer[] = [];
    let start = 0;
    while (held.length - start > this.maxLineBytes) {
      const cut = start + characterBoundary(held.subarray(start), this.maxLineBytes);
      parts.push(held.subarray(start, cut), NEWLINE_BYTE);
      start = cut;
    }
    this.partial = [held.subarray(start)];
    this.partialBytes = held.length - start;
    return Buffer.concat(parts);
  }

  /** Whole lines, any longer than the limit cut into pieces that each end in a newline. */
  private cutLines(whole: Buffer): Buffer {
    const parts: Buffer[] = [];
    let start = 0;
    while (start < whole.length) {
      const newline = whole.indexOf(NEWLINE, start);
      let end = newline + 1;
      if (end - start > this.maxLineBytes + 1) {
        end = start + characterBoundary(whole.subarray(start), this.maxLineBytes);
        parts.push(whole.subarray(start, end), NEWLINE_BYTE);
      } else {
        parts.push(whole.subarray(start, end));
      }
      start = end;
    }
    return Buffer.concat(parts);
  }
}
