/**
 * SPDY/3.1 framing (draft-mbelshe-httpbis-spdy-00 and the 3.1 changes), the part of it that
 * Kubernetes' streams use through moby/spdystream: control frames SYN_STREAM, SYN_REPLY,
 * RST_STREAM, SETTINGS, PING, GOAWAY, HEADERS and WINDOW_UPDATE, and data frames. Header blocks are
 * zlib-compressed with the SPDY dictionary, one compression context per direction for the whole
 * session (each block ends with a sync flush).
 *
 * Flow control is not applied: spdystream, on both ends of every Kubernetes SPDY connection, neither
 * sends nor honours WINDOW_UPDATE, so a sender that waited for one would stall after 64 KiB.
 */
import { constants, createDeflate, createInflate, type Deflate, type Inflate } from 'node:zlib';
import { SPDY3_DICTIONARY } from './dictionary';

export const SPDY_VERSION = 3;
export const FLAG_FIN = 0x01;

export const FrameType = {
  SYN_STREAM: 1,
  SYN_REPLY: 2,
  RST_STREAM: 3,
  SETTINGS: 4,
  PING: 6,
  GOAWAY: 7,
  HEADERS: 8,
  WINDOW_UPDATE: 9,
} as const;

/** RST_STREAM status codes used here. */
export const RstStatus = { PROTOCOL_ERROR: 1, INVALID_STREAM: 2, CANCEL: 5, INTERNAL_ERROR: 6 } as const;

/** A decoded frame. Header names are lower case, as SPDY requires. */
export type Frame =
  | { type: 'data'; streamId: number; flags: number; data: Buffer }
  | { type: 'control'; frameType: number; flags: number; streamId: number; headers?: Map<string, string>; payload: Buffer };

/**
 * One zlib context for a whole session, used one block at a time: every write is sync-flushed, and
 * its output is what was emitted before the write's callback.
 */
class ZlibContext {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly stream: Deflate | Inflate) {
    stream.on('error', () => undefined);
  }

  process(block: Buffer): Promise<Buffer> {
    const run = this.queue.then(
      () =>
        new Promise<Buffer>((resolve, reject) => {
          const out: Buffer[] = [];
          const onData = (chunk: Buffer) => out.push(chunk);
          const onError = (err: Error) => reject(err);
          this.stream.on('data', onData);
          this.stream.once('error', onError);
          this.stream.write(block, () => {
            this.stream.off('data', onData);
            this.stream.off('error', onError);
            resolve(Buffer.concat(out));
          });
        }),
    );
    this.queue = run.catch(() => undefined);
    return run;
  }

  close(): void {
    this.stream.close();
  }
}

/** Reads frames from a byte stream. */
export class FrameReader {
  private buffer: Buffer = Buffer.alloc(0);
  private readonly inflate = new ZlibContext(createInflate({ dictionary: SPDY3_DICTIONARY, flush: constants.Z_SYNC_FLUSH }));

  /** Adds bytes; resolves with the frames now complete (call again only once it has). Rejects on a malformed frame. */
  async push(chunk: Buffer): Promise<Frame[]> {
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
    const frames: Frame[] = [];
    while (this.buffer.length >= 8) {
      const length = this.buffer.readUInt32BE(4) & 0xffffff;
      if (this.buffer.length < 8 + length) break;
      const frame = this.buffer.subarray(0, 8 + length);
      this.buffer = this.buffer.subarray(8 + length);
      frames.push(await this.decode(frame, length));
    }
    return frames;
  }

  close(): void {
    this.inflate.close();
  }

  private async decode(frame: Buffer, length: number): Promise<Frame> {
    const flags = frame[4] as number;
    const payload = frame.subarray(8, 8 + length);
    if (((frame[0] as number) & 0x80) === 0) return { type: 'data', streamId: frame.readUInt32BE(0) & 0x7fffffff, flags, data: payload };
    const version = frame.readUInt16BE(0) & 0x7fff;
    if (version !== SPDY_VERSION) throw new Error(`unsupported SPDY version ${version}`);
    const frameType = frame.readUInt16BE(2);
    const streamId = payload.length >= 4 && frameType !== FrameType.SETTINGS && frameType !== FrameType.PING ? payload.readUInt32BE(0) & 0x7fffffff : 0;
    const blockAt = frameType === FrameType.SYN_STREAM ? 10 : frameType === FrameType.SYN_REPLY || frameType === FrameType.HEADERS ? 4 : -1;
    const headers = blockAt === -1 ? undefined : await this.headers(payload.subarray(blockAt));
    return { type: 'control', frameType, flags, streamId, headers, payload };
  }

  private async headers(block: Buffer): Promise<Map<string, string>> {
    const raw = block.length ? await this.inflate.process(block) : Buffer.alloc(0);
    const headers = new Map<string, string>();
    if (raw.length < 4) return headers;
    let at = 4;
    const count = raw.readUInt32BE(0);
    const read = () => {
      const n = raw.readUInt32BE(at);
      const text = raw.subarray(at + 4, at + 4 + n).toString('utf8');
      at += 4 + n;
      return text;
    };
    for (let i = 0; i < count; i++) {
      const name = read().toLowerCase();
      // Several values of one header travel NUL-separated; the first is what streams read.
      headers.set(name, read().split('\0')[0] ?? '');
    }
    return headers;
  }
}

/** Writes frames. */
export class FrameWriter {
  private readonly deflate = new ZlibContext(createDeflate({ dictionary: SPDY3_DICTIONARY, flush: constants.Z_SYNC_FLUSH }));

  close(): void {
    this.deflate.close();
  }

  data(streamId: number, data: Buffer, fin = false): Buffer {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(streamId & 0x7fffffff, 0);
    head.writeUInt32BE(((fin ? FLAG_FIN : 0) << 24) | data.length, 4);
    return Buffer.concat([head, data]);
  }

  async synReply(streamId: number, headers: Record<string, string> = {}, fin = false): Promise<Buffer> {
    return this.control(FrameType.SYN_REPLY, fin ? FLAG_FIN : 0, Buffer.concat([u32(streamId), await this.headerBlock(headers)]));
  }

  rstStream(streamId: number, status: number): Buffer {
    return this.control(FrameType.RST_STREAM, 0, Buffer.concat([u32(streamId), u32(status)]));
  }

  ping(payload: Buffer): Buffer {
    return this.control(FrameType.PING, 0, payload);
  }

  goAway(lastGoodStreamId: number, status = 0): Buffer {
    return this.control(FrameType.GOAWAY, 0, Buffer.concat([u32(lastGoodStreamId), u32(status)]));
  }

  private control(type: number, flags: number, payload: Buffer): Buffer {
    const head = Buffer.alloc(8);
    head.writeUInt16BE(0x8000 | SPDY_VERSION, 0);
    head.writeUInt16BE(type, 2);
    head.writeUInt32BE((flags << 24) | payload.length, 4);
    return Buffer.concat([head, payload]);
  }

  private headerBlock(headers: Record<string, string>): Promise<Buffer> {
    const entries = Object.entries(headers);
    const parts = [u32(entries.length)];
    for (const [name, value] of entries) {
      const n = Buffer.from(name.toLowerCase());
      const v = Buffer.from(value);
      parts.push(u32(n.length), n, u32(v.length), v);
    }
    return this.deflate.process(Buffer.concat(parts));
  }
}

function u32(value: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(value >>> 0);
  return b;
}
