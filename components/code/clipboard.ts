/**
 * Copy and download for text the console shows. Both run only in the browser, on a click.
 */

/**
 * Copies text; falls back to a hidden textarea where the async clipboard is unavailable (plain-HTTP
 * deployments are not a secure context, and self-hosted consoles often run on one).
 */
export async function copyText(text: string): Promise<void> {
  if (navigator.clipboard && window.isSecureContext) {
    await navigator.clipboard.writeText(text);
    return;
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.appendChild(area);
  area.select();
  try {
    if (!document.execCommand('copy')) throw new Error('The browser refused to copy.');
  } finally {
    area.remove();
  }
}

/** Saves text as a file through a temporary object URL. */
export function downloadText(options: { fileName: string; text: string | string[]; type?: string }): void {
  const parts = Array.isArray(options.text) ? options.text : [options.text];
  const blob = new Blob(parts, { type: options.type ?? 'text/plain;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = options.fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoke after the click has been handled; revoking synchronously can cancel the download.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
