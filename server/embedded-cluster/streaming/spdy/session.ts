/**
 * The server side of a SPDY/3.1 session as Kubernetes uses it (apimachinery's httpstream/spdy over
 * moby/spdystream): the client opens every stream with SYN_STREAM and its headers, the server
 * answers SYN_REPLY at once, then both sides send DATA and half-close with FIN; RST_STREAM drops a
 * stream, PING is echoed, GOAWAY ends the session. Each stream is a Node Duplex.
 */
import { Duplex } from 'node:stream';
import { FLAG_FIN, FrameReader, FrameType, FrameWriter, RstStatus, type Frame } from './frames';

// Large writes are cut into data frames of at most 32 KiB (SPDY allows 16 MiB; small frames interleave streams).
const MAX_DATA = 32 * 1024;

/** One SPDY stream opened by the client. */
export class SpdyStream extends Duplex {
  private localDone = false;
  private remoteDone = false;
  private closedOnce = false;

  constructor(
    private readonly session: SpdySession,
    readonly id: number,
    /** The SYN_STREAM headers, names in lower case (`streamtype`, `port`, `requestid`). */
    readonly headers: Map<string, string>,
  ) {
    super({ allowHalfOpen: true });
    // Streams stand in for TCP sockets (the HTTP server reads these properties).
    Object.assign(this, { remoteAddress: '127.0.0.1', remotePort: 0, setTimeout: () => this, setNoDelay: () => this, setKeepAlive: () => this });
  }

  override _read(): void {}

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    for (let at = 0; at < chunk.length; at += MAX_DATA) this.session.send(this.session.writer.data(this.id, chunk.subarray(at, at + MAX_DATA)));
    callback();
  }

  override _final(callback: (error?: Error | null) => void): void {
    this.session.send(this.session.writer.data(this.id, Buffer.alloc(0), true));
    this.localDone = true;
    this.settle();
    callback();
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    if (!(this.localDone && this.remoteDone)) this.session.send(this.session.writer.rstStream(this.id, RstStatus.CANCEL));
    this.localDone = this.remoteDone = true;
    this.settle();
    callback(error);
  }

  /** A frame from the client for this stream. */
  receive(frame: Frame): void {
    if (frame.type === 'data') {
      if (frame.data.length > 0 && !this.remoteDone) this.push(frame.data);
      if (frame.flags & FLAG_FIN) this.remoteFinished();
    } else if (frame.frameType === FrameType.RST_STREAM) {
      this.remoteDone = this.localDone = true;
      this.push(null);
      this.destroy();
    } else if (frame.frameType === FrameType.HEADERS && frame.flags & FLAG_FIN) this.remoteFinished();
  }

  /** The session is gone: the stream ends without more frames. */
  abandon(): void {
    this.localDone = this.remoteDone = true;
    if (!this.readableEnded) this.push(null);
    this.destroy();
  }

  private remoteFinished(): void {
    if (this.remoteDone) return;
    this.remoteDone = true;
    this.push(null);
    this.settle();
  }

  private settle(): void {
    if (this.localDone && this.remoteDone && !this.closedOnce) {
      this.closedOnce = true;
      this.session.streamClosed(this);
    }
  }
}

/** A server-side SPDY session over a byte transport (a TLS socket, or a WebSocket tunnel). */
export class SpdySession {
  readonly writer = new FrameWriter();
  private readonly reader = new FrameReader();
  private readonly streams = new Map<number, SpdyStream>();
  private lastStreamId = 0;
  private closed = false;
  // Frames are parsed and written in order, each after the one before (header blocks go through zlib).
  private parsing: Promise<unknown> = Promise.resolve();
  private writing: Promise<unknown> = Promise.resolve();
  /** Resolves once the transport is closed and every stream is gone. */
  readonly done: Promise<void>;

  constructor(
    private readonly transport: Duplex,
    private readonly hooks: {
      /** A new stream, already replied to. */
      onStream(stream: SpdyStream): void;
      /** Called with +1 when a stream opens and -1 when it is gone (the open-streams gauge). */
      count?(delta: number): void;
    },
  ) {
    this.done = new Promise((resolve) => {
      transport.once('close', () => {
        this.shutdown();
        void this.writing.then(() => {
          this.reader.close();
          this.writer.close();
        });
        resolve();
      });
    });
    transport.on('error', () => transport.destroy());
    transport.on('end', () => this.close());
    transport.on('data', (chunk: Buffer) => {
      this.parsing = this.parsing
        .then(() => this.reader.push(chunk))
        .then(
          (frames) => frames.forEach((frame) => this.dispatch(frame)),
          // Garbage on the wire: nothing more can be parsed from this session.
          () => this.close(),
        );
    });
  }

  /** Writes a frame after those before it (ignored once the transport is gone). */
  send(frame: Buffer | Promise<Buffer>): void {
    this.writing = this.writing
      .then(() => frame)
      .then((bytes) => {
        if (this.transport.writable) this.transport.write(bytes);
      })
      .catch(() => undefined);
  }

  /** Ends the session: GOAWAY, then the transport closes and every stream with it. */
  close(): void {
    if (this.closed) return;
    this.send(this.writer.goAway(this.lastStreamId));
    this.closed = true;
    this.shutdown();
    void this.writing.then(() => this.transport.end());
    // A peer that never closes its side does not keep the socket.
    setTimeout(() => this.transport.destroy(), 1000).unref();
  }

  /** Called by a stream when both sides are finished. */
  streamClosed(stream: SpdyStream): void {
    if (this.streams.delete(stream.id)) this.hooks.count?.(-1);
  }

  private shutdown(): void {
    this.closed = true;
    for (const stream of [...this.streams.values()]) stream.abandon();
  }

  private dispatch(frame: Frame): void {
    if (frame.type === 'data') {
      this.streams.get(frame.streamId)?.receive(frame);
      return;
    }
    switch (frame.frameType) {
      case FrameType.SYN_STREAM: {
        if (this.closed) return;
        // Client stream IDs are odd and increasing (spdystream's validateStreamId).
        if (frame.streamId % 2 === 0 || frame.streamId <= this.lastStreamId) {
          this.send(this.writer.rstStream(frame.streamId, RstStatus.PROTOCOL_ERROR));
          return;
        }
        this.lastStreamId = frame.streamId;
        const stream = new SpdyStream(this, frame.streamId, frame.headers ?? new Map());
        this.streams.set(stream.id, stream);
        this.hooks.count?.(1);
        this.send(this.writer.synReply(stream.id));
        if (frame.flags & FLAG_FIN) stream.receive({ type: 'data', streamId: stream.id, flags: FLAG_FIN, data: Buffer.alloc(0) });
        this.hooks.onStream(stream);
        return;
      }
      case FrameType.PING:
        this.send(this.writer.ping(frame.payload));
        return;
      case FrameType.GOAWAY:
        this.close();
        return;
      case FrameType.RST_STREAM:
      case FrameType.HEADERS:
        this.streams.get(frame.streamId)?.receive(frame);
        return;
      default:
        // SETTINGS and WINDOW_UPDATE change nothing here (see frames.ts on flow control).
        return;
    }
  }
}
