import type { CSSProperties } from 'react';
import type { AnsiColor, AnsiStyle } from '@/lib/client/ansi';
import type { LinePart } from './log-line-parts';

/**
 * The 16 base colours as `[light, dark]` pairs, tuned to stay readable on the viewer's background in each
 * theme (a log's "white" text would vanish on a light page, its "black" on a dark one).
 */
const BASE: readonly [string, string][] = [
  ['#1e293b', '#94a3b8'], ['#b91c1c', '#f87171'], ['#15803d', '#4ade80'], ['#a16207', '#facc15'],
  ['#1d4ed8', '#60a5fa'], ['#a21caf', '#e879f9'], ['#0e7490', '#22d3ee'], ['#64748b', '#e2e8f0'],
  ['#475569', '#cbd5e1'], ['#dc2626', '#fca5a5'], ['#16a34a', '#86efac'], ['#ca8a04', '#fde047'],
  ['#2563eb', '#93c5fd'], ['#c026d3', '#f0abfc'], ['#0891b2', '#67e8f9'], ['#334155', '#f8fafc'],
];
const CUBE = [0, 95, 135, 175, 215, 255];

/** A CSS colour built only from numbers: nothing from the log reaches CSS as text. */
function cssColor(color: AnsiColor): string {
  if ('rgb' in color) return `rgb(${color.rgb[0]} ${color.rgb[1]} ${color.rgb[2]})`;
  const i = color.index;
  if (i < 16) return `light-dark(${BASE[i][0]}, ${BASE[i][1]})`;
  if (i >= 232) {
    const level = 8 + (i - 232) * 10;
    return `rgb(${level} ${level} ${level})`;
  }
  const n = i - 16;
  return `rgb(${CUBE[Math.floor(n / 36)]} ${CUBE[Math.floor(n / 6) % 6]} ${CUBE[n % 6]})`;
}

function cssOf(style: AnsiStyle | undefined): CSSProperties | undefined {
  if (!style) return undefined;
  const css: CSSProperties = {};
  const fg = style.inverse ? style.bg : style.fg;
  const bg = style.inverse ? style.fg : style.bg;
  if (fg) css.color = cssColor(fg);
  else if (style.inverse) css.color = 'light-dark(#ffffff, #0f172a)';
  if (bg) css.backgroundColor = cssColor(bg);
  else if (style.inverse) css.backgroundColor = 'light-dark(#1e293b, #e2e8f0)';
  if (style.bold) css.fontWeight = 600;
  if (style.dim) css.opacity = 0.7;
  if (style.italic) css.fontStyle = 'italic';
  const lines = [style.underline ? 'underline' : '', style.strike ? 'line-through' : ''].filter(Boolean).join(' ');
  if (lines) css.textDecoration = lines;
  return css;
}

/** One log line's runs as text spans; matches in `<mark>`. Never HTML from the log. */
export function LogLineText({ parts, truncated }: { parts: LinePart[]; truncated: number }) {
  return (
    <>
      {parts.map((part, i) => {
        const style = cssOf(part.style);
        if (part.match) {
          return (
            <mark key={i} style={style} className="rounded-sm bg-amber-200 text-inherit dark:bg-amber-500/40">
              {part.text}
            </mark>
          );
        }
        return (
          <span key={i} style={style} className={part.timestamp ? 'text-slate-600 dark:text-slate-400' : undefined}>
            {part.text}
          </span>
        );
      })}
      {truncated > 0 ? <span className="ml-2 text-slate-600 italic dark:text-slate-400">… {truncated.toLocaleString('en-US')} more characters (in Download)</span> : null}
      {parts.length === 0 && truncated === 0 ? '\u00a0' : null}
    </>
  );
}
