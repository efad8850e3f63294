/**
 * ANSI escape sequences in log lines: SGR (`ESC [ … m`) becomes styled segments, every other escape or
 * control sequence is dropped. The output is plain text plus a style made only of numbers and flags this
 * parser produced, so nothing from a log ever reaches HTML or CSS as markup: a line can colour itself
 * but cannot inject anything.
 *
 * Scanned in one linear pass (no regular expressions over untrusted input), so a hostile line costs time
 * proportional to its length.
 */

/** A colour: an xterm palette index (0–255) or a 24-bit colour. */
export type AnsiColor = { index: number } | { rgb: [number, number, number] };

export interface AnsiStyle {
  fg?: AnsiColor;
  bg?: AnsiColor;
  bold?: boolean;
  dim?: boolean;
  italic?: boolean;
  underline?: boolean;
  inverse?: boolean;
  strike?: boolean;
}

/** A run of text with one style; `style` is absent for unstyled text. */
export interface AnsiSegment {
  text: string;
  style?: AnsiStyle;
}

const ESC = 0x1b;
const BEL = 0x07;
/** Longer parameter lists are not SGR anyone writes; the sequence is dropped as a whole. */
const MAX_PARAMS = 32;

const clampByte = (n: number) => Math.max(0, Math.min(255, n));

/** Extended colour after 38/48: `5;n` (palette) or `2;r;g;b`. Returns the colour and params consumed. */
function extendedColor(params: number[], at: number): [AnsiColor | undefined, number] {
  const mode = params[at];
  if (mode === 5) {
    const index = params[at + 1];
    return [index !== undefined && index >= 0 && index <= 255 ? { index } : undefined, 2];
  }
  if (mode === 2) {
    const [r, g, b] = params.slice(at + 1, at + 4);
    if (b === undefined) return [undefined, 4];
    return [{ rgb: [clampByte(r), clampByte(g), clampByte(b)] }, 4];
  }
  return [undefined, 1];
}

/** Applies one SGR parameter list to a style, as xterm does; an empty list resets. */
export function applySgr(style: AnsiStyle, params: number[]): AnsiStyle {
  let next: AnsiStyle = { ...style };
  if (params.length === 0) return {};
  for (let i = 0; i < params.length; i++) {
    const p = params[i];
    if (p === 0) next = {};
    else if (p === 1) next.bold = true;
    else if (p === 2) next.dim = true;
    else if (p === 3) next.italic = true;
    else if (p === 4) next.underline = true;
    else if (p === 7) next.inverse = true;
    else if (p === 9) next.strike = true;
    else if (p === 22) {
      delete next.bold;
      delete next.dim;
    }
    else if (p === 23) delete next.italic;
    else if (p === 24) delete next.underline;
    else if (p === 27) delete next.inverse;
    else if (p === 29) delete next.strike;
    else if (p >= 30 && p <= 37) next.fg = { index: p - 30 };
    else if (p >= 90 && p <= 97) next.fg = { index: p - 90 + 8 };
    else if (p === 39) delete next.fg;
    else if (p >= 40 && p <= 47) next.bg = { index: p - 40 };
    else if (p >= 100 && p <= 107) next.bg = { index: p - 100 + 8 };
    else if (p === 49) delete next.bg;
    else if (p === 38 || p === 48) {
      const [color, used] = extendedColor(params, i + 1);
      if (color) next[p === 38 ? 'fg' : 'bg'] = color;
      i += used;
    }
  }
  return next;
}

/** C0 controls except tab, DEL, and C1 controls. */
function isControl(c: number): boolean {
  return (c < 0x20 && c !== 0x09) || (c >= 0x7f && c <= 0x9f);
}

function isEmpty(style: AnsiStyle): boolean {
  return Object.keys(style).length === 0;
}

/**
 * Splits a line into styled segments. CSI sequences other than SGR, OSC strings (titles, hyperlinks) and
 * two-byte escapes are removed; C0 control characters except tab are removed too, since a page cannot
 * honour carriage returns or backspaces the way a terminal does.
 */
export function parseAnsi(line: string): AnsiSegment[] {
  const segments: AnsiSegment[] = [];
  let style: AnsiStyle = {};
  let text = '';
  const flush = () => {
    if (!text) return;
    const last = segments.at(-1);
    const styled = isEmpty(style) ? undefined : style;
    // Merge with the previous run when the style did not really change (e.g. a redundant reset).
    if (last && JSON.stringify(last.style) === JSON.stringify(styled)) last.text += text;
    else segments.push(styled ? { text, style: styled } : { text });
    text = '';
  };

  let i = 0;
  const n = line.length;
  while (i < n) {
    const c = line.charCodeAt(i);
    if (c === ESC) {
      const kind = line[i + 1];
      if (kind === '[') {
        // CSI: parameter bytes 0x30–0x3F, intermediates 0x20–0x2F, one final byte 0x40–0x7E.
        let j = i + 2;
        while (j < n && line.charCodeAt(j) >= 0x30 && line.charCodeAt(j) <= 0x3f) j++;
        const paramText = line.slice(i + 2, j);
        while (j < n && line.charCodeAt(j) >= 0x20 && line.charCodeAt(j) <= 0x2f) j++;
        if (j >= n) break; // unterminated: drop the rest of the sequence
        const final = line[j];
        if (final === 'm' && /^[0-9;]*$/.test(paramText)) {
          const params = paramText === '' ? [] : paramText.split(';', MAX_PARAMS + 1).map((p) => (p === '' ? 0 : Math.min(Number(p), 1e6)));
          if (params.length <= MAX_PARAMS) {
            flush();
            style = applySgr(style, params);
          }
        }
        i = j + 1;
        continue;
      }
      if (kind === ']' || kind === 'P' || kind === '_' || kind === '^') {
        // OSC / DCS / APC / PM strings end at BEL or ST (ESC \); an unterminated one swallows the line.
        let j = i + 2;
        while (j < n && line.charCodeAt(j) !== BEL && !(line.charCodeAt(j) === ESC && line[j + 1] === '\\')) j++;
        i = j >= n ? n : line.charCodeAt(j) === BEL ? j + 1 : j + 2;
        continue;
      }
      i += kind === undefined ? 1 : 2;
      continue;
    }
    if (isControl(c)) {
      i++;
      continue;
    }
    // Copy a whole run of ordinary characters at once.
    let j = i + 1;
    while (j < n && line.charCodeAt(j) !== ESC && !isControl(line.charCodeAt(j))) j++;
    text += line.slice(i, j);
    i = j;
  }
  flush();
  return segments;
}

/** The line's text without any escape or control sequence. */
export function stripAnsi(line: string): string {
  return parseAnsi(line)
    .map((s) => s.text)
    .join('');
}

/** True when the line has anything `parseAnsi` would remove or style; lets plain lines skip parsing. */
export function hasControlCharacters(line: string): boolean {
  for (let i = 0; i < line.length; i++) if (isControl(line.charCodeAt(i))) return true;
  return false;
}
