import type { K8sStatus } from '@/lib/contract/status';
import type { PodResponse } from './request-types';

function statusTone(status: number): string {
  if (status < 300) return 'bg-emerald-50 text-emerald-800 ring-emerald-600/30 dark:bg-emerald-950 dark:text-emerald-300 dark:ring-emerald-400/30';
  if (status < 400) return 'bg-sky-50 text-sky-800 ring-sky-600/30 dark:bg-sky-950 dark:text-sky-300 dark:ring-sky-400/30';
  if (status < 500) return 'bg-amber-50 text-amber-800 ring-amber-600/30 dark:bg-amber-950 dark:text-amber-300 dark:ring-amber-400/30';
  return 'bg-rose-50 text-rose-800 ring-rose-600/30 dark:bg-rose-950 dark:text-rose-300 dark:ring-rose-400/30';
}

/** JSON bodies re-indented for reading; anything else exactly as received. */
function readableBody(body: string, headers: [string, string][]): string {
  const type = headers.find(([name]) => name.toLowerCase() === 'content-type')?.[1] ?? '';
  if (!/json/i.test(type)) return body;
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}

/** The pod's answer: status, time, headers and body, all as text. */
export function ResponseView({ response }: { response: PodResponse }) {
  const headers = Array.isArray(response.headers) ? response.headers : Object.entries(response.headers);
  const body = readableBody(response.body, headers);
  return (
    <section aria-label="Response" className="space-y-3">
      <div className="flex flex-wrap items-center gap-3">
        <span className={`rounded px-2 py-0.5 font-mono text-sm font-semibold ring-1 ring-inset ${statusTone(response.status)}`}>
          {response.status} {response.statusText}
        </span>
        <span className="text-sm text-slate-600 tabular-nums dark:text-slate-400">{Math.round(response.durationMs)} ms</span>
        <span className="text-sm text-slate-600 dark:text-slate-400">{new TextEncoder().encode(response.body).length.toLocaleString('en-US')} bytes</span>
      </div>
      <details className="rounded-md border border-slate-200 dark:border-slate-800">
        <summary className="cursor-pointer px-3 py-1.5 text-sm font-medium">Headers ({headers.length})</summary>
        <table aria-label="Response headers" className="w-full text-xs">
          <tbody>
            {headers.map(([name, value], i) => (
              <tr key={`${name}-${i}`} className="border-t border-slate-100 dark:border-slate-800">
                <th scope="row" className="px-3 py-1 text-left font-mono font-medium text-slate-600 dark:text-slate-400">{name}</th>
                <td className="px-3 py-1 font-mono break-all">{value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
      <pre aria-label="Response body" tabIndex={0} className="max-h-[28rem] overflow-auto rounded-md border border-slate-200 bg-slate-50 p-3 font-mono text-xs whitespace-pre-wrap break-all dark:border-slate-800 dark:bg-slate-900">
        {body === '' ? <span className="italic text-slate-600 dark:text-slate-400">(empty body)</span> : body}
      </pre>
    </section>
  );
}

/** Why no response came, with the Status the server gave when there is one. */
export function RequestError({ error }: { error: K8sStatus | string }) {
  const message = typeof error === 'string' ? error : (error.message ?? 'The request failed.');
  const code = typeof error === 'string' ? undefined : error.code;
  return (
    <div role="alert" className="rounded-md border border-rose-300 bg-rose-50 px-3 py-2 text-sm text-rose-900 dark:border-rose-800 dark:bg-rose-950/60 dark:text-rose-200">
      <p className="font-medium">No response{code ? ` (${code})` : ''}</p>
      <p className="mt-0.5 font-mono text-xs break-words">{message}</p>
      <p className="mt-1 text-xs">Check that the container listens on this port and the pod is Running; a pod that is not ready may still refuse connections.</p>
    </div>
  );
}
