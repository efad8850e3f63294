'use client';

import '@xterm/xterm/css/xterm.css';
import { useRef, useState, type FormEvent } from 'react';
import { accessAttributes } from '@/lib/k8s/access-attributes';
import { kubectlCommand } from '@/lib/k8s/kubectl-command';
import { pods } from '@/lib/k8s/resources';
import type { Pod } from '@/lib/k8s/types';
import { useDeniedReason } from '@/lib/client/access';
import { CopyButton } from '@/components/code/copy-button';
import { Select } from '@/components/ui/select';
import { useShellSession, type ShellStatus } from './use-shell-session';

const field =
  'rounded-md border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100';
const button =
  'rounded-md border border-slate-300 px-3 py-1 text-sm font-medium hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800';

/** The container `kubectl exec` picks: the default-container annotation, else the first one. */
function defaultContainer(pod: Pod): string {
  const names = (pod.spec?.containers ?? []).map((c) => c.name);
  const annotated = pod.metadata?.annotations?.['kubectl.kubernetes.io/default-container'];
  return annotated && names.includes(annotated) ? annotated : (names[0] ?? '');
}

function statusText(status: ShellStatus): string {
  switch (status.state) {
    case 'idle':
      return 'Not connected';
    case 'connecting':
      return 'Connecting…';
    case 'open':
      return 'Connected';
    case 'exited':
      return `Session ended: exit code ${status.exitCode}`;
    case 'failed':
      return `Session failed: ${status.message}`;
    case 'closed':
      return 'Session closed';
  }
}

/** A terminal in a container, as `kubectl exec -it POD -c C -- sh`: pick the container and the command, type. */
export function ShellPanel({ pod, context }: { pod: Pod; context?: string }) {
  const name = pod.metadata?.name ?? '';
  const namespace = pod.metadata?.namespace ?? '';
  const containers = (pod.spec?.containers ?? []).map((c) => c.name);
  const [container, setContainer] = useState(() => defaultContainer(pod));
  const [commandText, setCommandText] = useState('sh');
  const [running, setRunning] = useState<{ container: string; command: string[] }>({ container, command: ['sh'] });
  const [attempt, setAttempt] = useState(0);
  const element = useRef<HTMLDivElement>(null);
  // An exec is a `create` of pods/exec (its WebSocket upgrade too). Refused by RBAC, no session is opened.
  const execDenied = useDeniedReason(context, accessAttributes(pods, 'create', namespace, { subresource: 'exec' }));
  const target = context && !execDenied ? { context, namespace, pod: name, ...running } : null;
  const status = useShellSession(element, target, attempt);
  const command = commandText.trim().split(/\s+/).filter(Boolean);
  const equivalent = kubectlCommand({ verb: 'exec', interactive: true, pod: name, namespace, container, command: command.length ? command : ['sh'] });
  const live = status.state === 'open' || status.state === 'connecting';

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (execDenied) return;
    setRunning({ container, command: command.length ? command : ['sh'] });
    setAttempt((n) => n + 1);
  };

  return (
    <div className="space-y-3">
      <form onSubmit={onSubmit} aria-label="Shell" className="flex flex-wrap items-end gap-3">
        <Select label="Container" value={container} onChange={(event) => setContainer(event.target.value)}>
          {containers.map((c) => (
            <option key={c} value={c}>{c}</option>
          ))}
        </Select>
        <label className="flex items-center gap-2 text-xs text-slate-600 dark:text-slate-400">
          <span>Command</span>
          <input type="text" aria-label="Command" value={commandText} onChange={(event) => setCommandText(event.target.value)} spellCheck={false} className={`${field} w-48 font-mono`} />
        </label>
        <button type="submit" className={`${button} aria-disabled:cursor-not-allowed aria-disabled:opacity-60`} aria-disabled={execDenied ? true : undefined} aria-describedby={execDenied ? 'shell-denied' : undefined}>
          {live ? 'Restart' : 'Connect'}
        </button>
      </form>
      <div className="flex flex-wrap items-center gap-2 text-xs text-slate-600 dark:text-slate-400">
        <code className="rounded bg-slate-100 px-2 py-1 font-mono text-slate-800 dark:bg-slate-800 dark:text-slate-100">{equivalent}</code>
        <CopyButton text={equivalent} label="Copy command" />
      </div>
      {execDenied ? <p id="shell-denied" className="text-sm text-slate-600 dark:text-slate-300">{execDenied}</p> : null}
      <p role="status" aria-label="Shell status" className="text-sm text-slate-600 dark:text-slate-300">{statusText(status)}</p>
      <div role="region" aria-label="Terminal" ref={element} className="h-96 overflow-hidden rounded-md border border-slate-300 bg-black p-1 dark:border-slate-700" />
    </div>
  );
}
