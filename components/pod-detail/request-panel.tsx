'use client';

import { useId, useState, type FormEvent } from 'react';
import { kubectlCommand } from '@/lib/k8s/kubectl-command';
import type { Pod } from '@/lib/k8s/types';
import { CopyButton } from '@/components/code/copy-button';
import { Select } from '@/components/ui/select';
import { RequestError, ResponseView } from './request-response';
import { commandPort, curlCommand, declaredPorts, parseHeaderLines, parsePort, type PodRequest, type PodRequestOutcome } from './request-types';

export interface RequestPanelProps {
  pod: Pod;
  /** Sends the request through the console's port-forward; resolves to the response or an error. */
  send: (request: PodRequest) => Promise<PodRequestOutcome>;
  /** The local port the shown commands use, as the chapter does (`8888:8080`). */
  localPort?: number;
  /** A read-only console sends reads only (the server refuses the rest). */
  readOnly?: boolean;
}

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];
const READ_METHODS = ['GET', 'HEAD'];
const OTHER = 'other';
const field =
  'rounded-md border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100';

type Outcome = { state: 'idle' } | { state: 'sending' } | { state: 'done'; sent: PodRequest; outcome: PodRequestOutcome };

/**
 * Talk to a pod's port the way the chapter does with `kubectl port-forward` and `curl`: pick a port, a
 * method and a path, send, read status, headers, body and time, and see both commands.
 */
export function RequestPanel({ pod, send, localPort = 8888, readOnly = false }: RequestPanelProps) {
  const ports = declaredPorts(pod);
  const [portChoice, setPortChoice] = useState(ports[0] ? String(ports[0].port) : OTHER);
  // Empty until typed: a port the pod does not declare is the user's to name, not ours to guess.
  const [otherPort, setOtherPort] = useState('');
  const [method, setMethod] = useState('GET');
  const [path, setPath] = useState('/');
  const [headerText, setHeaderText] = useState('');
  const [body, setBody] = useState('');
  const [result, setResult] = useState<Outcome>({ state: 'idle' });
  const portProblemId = useId();

  // The field, the request and both commands all read this one parse of what the field shows.
  const parsedPort = parsePort(portChoice === OTHER ? otherPort : portChoice);
  const portValid = 'port' in parsedPort;
  const port = portValid ? parsedPort.port : 0;
  const portProblem = portChoice === OTHER && otherPort.trim() && 'error' in parsedPort ? parsedPort.error : undefined;
  const parsedHeaders = parseHeaderLines(headerText);
  const normalizedPath = path.startsWith('/') ? path : `/${path}`;
  const bodyAllowed = method !== 'GET' && method !== 'HEAD';
  const request: PodRequest = { port, method, path: normalizedPath, headers: parsedHeaders.headers, ...(bodyAllowed && body ? { body } : {}) };
  const name = pod.metadata?.name ?? '';
  const commands = [
    kubectlCommand({ verb: 'port-forward', pod: name, namespace: pod.metadata?.namespace, localPort, podPort: commandPort(parsedPort) }),
    curlCommand(request, localPort),
  ];

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!portValid || parsedHeaders.error) return;
    setResult({ state: 'sending' });
    try {
      setResult({ state: 'done', sent: request, outcome: await send(request) });
    } catch (error) {
      setResult({ state: 'done', sent: request, outcome: { error: error instanceof Error ? error.message : String(error) } });
    }
  };

  return (
    <div className="space-y-4">
      <form onSubmit={onSubmit} aria-label="Request" className="space-y-3 rounded-md border border-slate-200 p-3 dark:border-slate-800">
        <div className="flex flex-wrap items-end gap-3">
          <Select label="Port" value={portChoice} onChange={(event) => setPortChoice(event.target.value)}>
            {ports.map((p) => (
              <option key={p.port} value={String(p.port)}>
                {p.port}/TCP · {p.container}
                {p.name ? ` (${p.name})` : ''}
              </option>
            ))}
            <option value={OTHER}>Other port…</option>
          </Select>
          {portChoice === OTHER ? (
            <label className="flex items-center gap-2 text-xs text-slate-600 dark:text-slate-400">
              <span>Port number</span>
              {/* Text, not type="number": a number input can show text ("8080e") whose value is empty. */}
              <input
                type="text"
                inputMode="numeric"
                value={otherPort}
                onChange={(event) => setOtherPort(event.target.value)}
                placeholder="e.g. 8080"
                className={`${field} w-24`}
                aria-invalid={Boolean(portProblem)}
                aria-describedby={portProblem ? portProblemId : undefined}
              />
            </label>
          ) : null}
          <Select label="Method" value={method} onChange={(event) => setMethod(event.target.value)}>
            {(readOnly ? READ_METHODS : METHODS).map((m) => <option key={m}>{m}</option>)}
          </Select>
          <label className="flex min-w-64 flex-1 items-center gap-2 text-xs text-slate-600 dark:text-slate-400">
            <span>Path</span>
            <input type="text" aria-label="Path" value={path} onChange={(event) => setPath(event.target.value)} spellCheck={false} className={`${field} flex-1 font-mono`} placeholder="/" />
          </label>
          <button
            type="submit"
            disabled={!portValid || Boolean(parsedHeaders.error) || result.state === 'sending'}
            className="rounded-md bg-sky-700 px-4 py-1.5 text-sm font-medium text-white hover:bg-sky-800 disabled:opacity-50 dark:bg-sky-500 dark:text-slate-950 dark:hover:bg-sky-400"
          >
            {result.state === 'sending' ? 'Sending…' : 'Send'}
          </button>
        </div>
        {ports.length === 0 ? (
          <p className="text-xs text-slate-600 dark:text-slate-400">No container declares a TCP port; enter the port the application listens on.</p>
        ) : null}
        {portProblem ? (
          <p id={portProblemId} className="text-xs text-rose-700 dark:text-rose-300">{portProblem}</p>
        ) : null}
        <details>
          <summary className="cursor-pointer text-xs font-medium text-slate-600 dark:text-slate-300">Headers and body</summary>
          <div className="mt-2 grid gap-3 md:grid-cols-2">
            <label className="flex flex-col gap-1 text-xs text-slate-600 dark:text-slate-400">
              <span>Headers, one “Name: value” per line</span>
              <textarea aria-label="Headers" rows={4} value={headerText} onChange={(event) => setHeaderText(event.target.value)} spellCheck={false} className={`${field} font-mono text-xs`} aria-invalid={Boolean(parsedHeaders.error)} />
              {parsedHeaders.error ? <span className="text-rose-700 dark:text-rose-300">{parsedHeaders.error}</span> : null}
            </label>
            <label className="flex flex-col gap-1 text-xs text-slate-600 dark:text-slate-400">
              <span>Body{bodyAllowed ? '' : ` (not sent with ${method})`}</span>
              <textarea aria-label="Body" rows={4} value={body} disabled={!bodyAllowed} onChange={(event) => setBody(event.target.value)} spellCheck={false} className={`${field} font-mono text-xs disabled:opacity-50`} />
            </label>
          </div>
        </details>
      </form>

      <section aria-label="Equivalent commands" className="space-y-1">
        <div className="flex items-center justify-between">
          <h3 className="text-xs font-medium uppercase tracking-wide text-slate-600 dark:text-slate-400">The same from a terminal</h3>
          <CopyButton text={commands.join('\n')} label="Copy commands" />
        </div>
        <pre className="overflow-x-auto rounded bg-slate-100 px-3 py-2 font-mono text-xs text-slate-700 dark:bg-slate-900 dark:text-slate-300">
          {commands.map((command, i) => (
            <div key={i}>
              <span aria-hidden="true" className="select-none text-slate-600 dark:text-slate-400">$ </span>
              {command}
              {i === 0 ? <span className="text-slate-600 dark:text-slate-400">{'   # in one terminal'}</span> : <span className="text-slate-600 dark:text-slate-400">{'   # in another'}</span>}
            </div>
          ))}
        </pre>
      </section>

      {result.state === 'idle' ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">Send a request to see the pod’s response here.</p>
      ) : result.state === 'sending' ? (
        <p role="status" className="text-sm text-slate-600 dark:text-slate-400">Waiting for the pod to answer…</p>
      ) : (
        <>
          {/* The form may have changed since: say which request this answers, so its port is never taken for the field's. */}
          <p className="font-mono text-xs text-slate-600 dark:text-slate-400">
            {result.sent.method} {result.sent.path} to port {result.sent.port}
          </p>
          {'error' in result.outcome ? <RequestError error={result.outcome.error} /> : <ResponseView response={result.outcome} />}
        </>
      )}
    </div>
  );
}
