/**
 * A small protobuf encoder (proto3 wire format): varints, 64-bit doubles, length-delimited strings and
 * embedded messages, fields written in the order given. Default values (empty string, false, 0) are left
 * out, as proto3 serializers do.
 */

/** Builds one message. */
export class ProtoWriter {
  private readonly parts: Buffer[] = [];

  string(field: number, value: string | undefined): this {
    if (value) this.bytes(field, Buffer.from(value, 'utf8'));
    return this;
  }

  strings(field: number, values: readonly string[] | undefined): this {
    for (const value of values ?? []) this.bytes(field, Buffer.from(value, 'utf8'));
    return this;
  }

  bool(field: number, value: boolean | undefined): this {
    if (value) this.parts.push(tag(field, 0), varint(1));
    return this;
  }

  /** A bool member of a oneof: written even when false, since presence tells which member is set. */
  oneofBool(field: number, value: boolean): this {
    this.parts.push(tag(field, 0), varint(value ? 1 : 0));
    return this;
  }

  int64(field: number, value: number | undefined): this {
    if (value) this.parts.push(tag(field, 0), varint(value));
    return this;
  }

  double(field: number, value: number | undefined): this {
    if (value === undefined || value === 0) return this;
    const b = Buffer.alloc(8);
    b.writeDoubleLE(value);
    this.parts.push(tag(field, 1), b);
    return this;
  }

  /** An embedded message; written even when empty (presence matters for oneofs). */
  message(field: number, value: ProtoWriter | undefined): this {
    if (value) this.bytes(field, value.finish());
    return this;
  }

  messages(field: number, values: ProtoWriter[]): this {
    for (const value of values) this.message(field, value);
    return this;
  }

  finish(): Buffer {
    return Buffer.concat(this.parts);
  }

  private bytes(field: number, value: Buffer): void {
    this.parts.push(tag(field, 2), varint(value.length), value);
  }
}

function tag(field: number, wireType: number): Buffer {
  return varint(field * 8 + wireType);
}

function varint(value: number): Buffer {
  const out: number[] = [];
  let v = BigInt.asUintN(64, BigInt(Math.trunc(value)));
  do {
    const byte = Number(v & 0x7fn);
    v >>= 7n;
    out.push(v > 0n ? byte | 0x80 : byte);
  } while (v > 0n);
  return Buffer.from(out);
}
