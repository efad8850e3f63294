/**
 * A small JSON scanner for what JSON.parse hides: keys given twice in one object. Kubernetes' strict
 * decoder (sigs.k8s.io/json) reports them as `duplicate field "spec.paused"`; the paths here use the
 * same form (`spec.containers[0].imagePullPolicy`). It also records the document order of every field
 * path, so duplicate and unknown fields can be reported in the order they appear, as the server does.
 */
export interface FieldScan {
  duplicates: string[];
  /** First-appearance index of each field path. */
  order: Map<string, number>;
}

/** Scans valid JSON text (parse it with JSON.parse first; this assumes well-formed input). */
export function scanJsonFields(text: string): FieldScan {
  const scan: FieldScan = { duplicates: [], order: new Map() };
  let i = 0;

  const skipSpace = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i] ?? '')) i++;
  };
  const readString = (): string => {
    const start = i;
    i++;
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const value = (path: string): void => {
    skipSpace();
    const ch = text[i];
    if (ch === '{') object(path);
    else if (ch === '[') array(path);
    else if (ch === '"') readString();
    else while (i < text.length && !',]} \t\n\r'.includes(text[i] ?? '')) i++;
  };
  const object = (path: string): void => {
    i++;
    const seen = new Set<string>();
    skipSpace();
    while (i < text.length && text[i] !== '}') {
      skipSpace();
      const key = readString();
      const child = path ? `${path}.${key}` : key;
      if (seen.has(key) && !scan.duplicates.includes(child)) scan.duplicates.push(child);
      seen.add(key);
      if (!scan.order.has(child)) scan.order.set(child, scan.order.size);
      skipSpace();
      i++; // ':'
      value(child);
      skipSpace();
      if (text[i] === ',') i++;
      skipSpace();
    }
    i++;
  };
  const array = (path: string): void => {
    i++;
    let index = 0;
    skipSpace();
    while (i < text.length && text[i] !== ']') {
      value(`${path}[${index++}]`);
      skipSpace();
      if (text[i] === ',') i++;
      skipSpace();
    }
    i++;
  };

  value('');
  return scan;
}

/** Splits `spec.containers[0].foo` into `['spec', 'containers', 0, 'foo']`. */
export function splitFieldPath(path: string): (string | number)[] {
  const parts: (string | number)[] = [];
  for (const match of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    parts.push(match[2] !== undefined ? Number(match[2]) : (match[1] ?? ''));
  }
  return parts;
}

/** Deletes the field at a path, if present (how Warn and Ignore drop unknown fields). */
export function deleteFieldPath(root: unknown, path: string): void {
  const parts = splitFieldPath(path);
  let cur: unknown = root;
  for (const part of parts.slice(0, -1)) {
    if (cur === null || typeof cur !== 'object') return;
    cur = (cur as Record<string | number, unknown>)[part];
  }
  const last = parts[parts.length - 1];
  if (cur !== null && typeof cur === 'object' && last !== undefined && !Array.isArray(cur)) {
    delete (cur as Record<string, unknown>)[String(last)];
  }
}
