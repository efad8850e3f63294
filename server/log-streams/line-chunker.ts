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
 * Cuts a byte stream into runs of whole lines without decoding or copying it: each `push` returns the bytes up
 * to the chunk's last newline (whole lines, each ending in `\n`, as the wire in `lib/contract/log-wire.ts`
 * wants) as the pieces they came in, what was held from earlier chunks and then the chunk's part, and keeps
 * the rest for the next chunk. The caller joins a batch's pieces once. A line longer than `maxLineBytes` is
 * cut there (at a character boundary, with a `\n` added), so a container that never writes a newline cannot
 * make the BFF buffer without bound.
 */
export class LineChunker {
  private partial: Buffer[] = [];
  private partialBytes = 0;

  constructor(private readonly maxLineBytes = 1024 * 1024) {}

  /** The whole lines completed by `chunk`, as pieces (none when it ends no line). */
  push(chunk: Buffer): Buffer[] {
    const newline = chunk.lastIndexOf(NEWLINE);
    if (newline === -1) {
      this.partial.push(chunk);
      this.partialBytes += chunk.length;
      return this.partialBytes > this.maxLineBytes ? this.cutLongLines() : [];
    }
    const pieces = this.partial;
    const bytes = this.partialBytes + newline + 1;
    pieces.push(chunk.subarray(0, newline + 1));
    const rest = chunk.subarray(newline + 1);
    this.partial = rest.length > 0 ? [rest] : [];
    this.partialBytes = rest.length;
    // A long line can only be in what was held before this chunk's first newline; the rare case pays a copy and a scan.
    return bytes > this.maxLineBytes ? this.cutLines(Buffer.concat(pieces, bytes)) : pieces;
  }

  /** The last line, with a newline, when the stream ended without one. */
  end(): Buffer[] {
    if (this.partialBytes === 0) return [];
    const rest = [...this.partial, NEWLINE_BYTE];
    this.partial = [];
    this.partialBytes = 0;
    return rest;
  }

  private cutLongLines(): Buffer[] {
    const held = Buffer.concat(this.partial, this.partialBytes);
    const parts: Buffer[] = [];
    let start = 0;
    while (held.length - start > this.maxLineBytes) {
      const cut = start + characterBoundary(held.subarray(start), this.maxLineBytes);
      parts.push(held.subarray(start, cut), NEWLINE_BYTE);
      start = cut;
    }
    this.partial = [held.subarray(start)];
    this.partialBytes = held.length - start;
    return parts;
  }

  /** Whole lines, any longer than the limit cut into pieces that each end in a newline, as one buffer. */
  private cutLines(whole: Buffer): Buffer[] {
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
    return [Buffer.concat(parts)];
  }
}
