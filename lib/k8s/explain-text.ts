import type { ExplainedField, Explanation } from './explain';

/**
 * Greedy word wrap as go-wordwrap's `WrapString`, which kubectl's explain templates use: each line of the
 * text is filled up to `width` columns, a word that does not fit starts a new line, and a word longer
 * than the width (a URL) stands alone on its line, unbroken.
 */
export function wrapText(text: string, width: number): string[] {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    let current = '';
    for (const word of line.split(' ')) {
      if (current && current.length + 1 + word.length > width) {
        out.push(current);
        current = word;
      } else current = current ? `${current} ${word}` : word;
    }
    out.push(current);
  }
  return out;
}

const DESCRIPTION_INDENT = '    ';
// kubectl wraps at 80 columns less the indentation.
const indented = (text: string) => wrapText(text, 80 - DESCRIPTION_INDENT.length).map((line) => `${DESCRIPTION_INDENT}${line}`);

/** One entry of kubectl's FIELDS list: `  name\t<type> -required-`, then the indented description. */
export function fieldLines(field: ExplainedField): string[] {
  return [`  ${field.name}\t<${field.type}>${field.required ? ' -required-' : ''}`, ...(field.description ? indented(field.description) : []), ''];
}

/**
 * The text `kubectl explain` (v1.32, OpenAPI v3 plaintext template) prints for an explanation, byte for
 * byte: GROUP (not for the core group), KIND and VERSION; FIELD for a path below the kind; the
 * DESCRIPTION; and the FIELDS when the node has any.
 */
export function explainText(explanation: Explanation): string {
  const slash = explanation.version.indexOf('/');
  const group = slash < 0 ? '' : explanation.version.slice(0, slash);
  const version = explanation.version.slice(slash + 1);
  const lines = [...(group ? [`GROUP:      ${group}`] : []), `KIND:       ${explanation.kind}`, `VERSION:    ${version}`, ''];
  if (explanation.field) {
    const leaf = explanation.field.slice(explanation.field.lastIndexOf('.') + 1);
    lines.push(`FIELD: ${leaf} <${explanation.type}>`, '', '');
  }
  lines.push('DESCRIPTION:', ...indented(explanation.description), DESCRIPTION_INDENT);
  if (explanation.fields.length > 0) {
    lines.push('FIELDS:');
    for (const field of explanation.fields) lines.push(...fieldLines(field));
  }
  lines.push('');
  return `${lines.join('\n')}\n`;
}
