import { StringDecoder } from 'node:string_decoder';

/**
 * Cuts a byte stream into lines. UTF-8 characters split across chunks are reassembled; the newline (and
 * a `\r` before it) is dropped. A line longer than `maxLineBytes` is cut there, so a container that never
 * writes a newline cannot make the BFF buffer without bound.
 */
export class LineSplitter {
  private readonly decoder = new StringDecoder('utf8');
  private partial = '';

  constructor(private readonly maxLineBytes = 1024 * 1024) {}

  push(chunk: Buffer): string[] {
    const parts = (this.partial + this.decoder.write(chunk)).split('\n');
    this.partial = parts.pop() ?? '';
    const lines = parts.map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line));
    while (this.partial.length > this.maxLineBytes) {
      lines.push(this.partial.slice(0, this.maxLineBytes));
      this.partial = this.partial.slice(this.maxLineBytes);
    }
    return lines;
  }

  /** The last line when the stream ended without a newline. */
  end(): string[] {
    const rest = this.partial + this.decoder.end();
    this.partial = '';
    return rest.length > 0 ? [rest] : [];
  }
}
