import { badRequest } from '../status';
import { isPlainObject, type KubeObject } from '../types';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/**
 * Where Go's `base64.StdEncoding` stops decoding `text` (the offset in `illegal base64 data at input byte
 * N`), or -1 when it decodes. A port of encoding/base64's decodeQuantum: padding is required, CR and LF
 * are skipped, and a quantum cut short reports the offset where it began.
 */
export function base64ErrorOffset(text: string): number {
  let si = 0;
  while (si < text.length) {
    for (let j = 0; j < 4; j++) {
      if (si === text.length) return j === 0 ? -1 : si - j;
      const ch = text[si++];
      if (ALPHABET.includes(ch)) continue;
      if (ch === '\n' || ch === '\r') {
        j--;
        continue;
      }
      if (ch !== '=' || j < 2) return si - 1;
      if (j === 2) {
        while (si < text.length && (text[si] === '\n' || text[si] === '\r')) si++;
        if (si === text.length) return text.length;
        if (text[si] !== '=') return si - 1;
        si++;
      }
      while (si < text.length && (text[si] === '\n' || text[si] === '\r')) si++;
      return si < text.length ? si : -1;
    }
  }
  return -1;
}

/**
 * Decoding and defaulting of a v1 Secret, as the API server does before validation: `data` values are
 * base64 (`[]byte` in Go, so a value that is not fails the decoding with 400), `stringData` is folded into
 * `data` and never stored (Convert_v1_Secret_To_core_Secret: its keys win over `data`'s), and the type
 * defaults to Opaque (SetDefaults_Secret).
 */
export function decodeSecret(secret: KubeObject): void {
  const data = isPlainObject(secret.data) ? (secret.data as Record<string, unknown>) : {};
  for (const [key, value] of Object.entries(data)) {
    if (value === null) {
      delete data[key];
      continue;
    }
    const offset = typeof value === 'string' ? base64ErrorOffset(value) : -1;
    if (typeof value !== 'string' || offset >= 0) {
      const reason = typeof value === 'string' ? `illegal base64 data at input byte ${offset}` : `json: cannot unmarshal ${typeof value} into Go struct field Secret.data of type []uint8`;
      throw badRequest(`Secret in version "v1" cannot be handled as a Secret: ${reason}`);
    }
    // Stored as the bytes they decode to, so re-encode: CR/LF inside the text do not survive.
    data[key] = Buffer.from(value, 'base64').toString('base64');
  }
  if (isPlainObject(secret.stringData)) {
    for (const [key, value] of Object.entries(secret.stringData)) data[key] = Buffer.from(String(value ?? ''), 'utf8').toString('base64');
  }
  delete secret.stringData;
  if (Object.keys(data).length > 0) secret.data = data;
  else delete secret.data;
  if (typeof secret.type !== 'string' || secret.type === '') secret.type = 'Opaque';
}
