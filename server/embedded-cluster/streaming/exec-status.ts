/**
 * What the error stream of an exec carries at the end (remotecommand v4+): a metav1.Status, Success,
 * or Failure with reason NonZeroExitCode and the exit code as the `ExitCode` cause (kubectl turns it
 * into `command terminated with exit code N`), or an InternalError when the process could not start.
 * The wording is the kubelet's streaming server over containerd's CRI (`error executing command
 * [sh -c exit 3], exit code 3`; `failed to exec in container: failed to start exec "ID": ...`).
 */
import { randomBytes } from 'node:crypto';

/** How an exec ended. */
export type ExecOutcome = { exitCode: number; command: string[] } | { startError: string };

/** The error stream's Status for an outcome. */
export function execStatus(outcome: ExecOutcome): Record<string, unknown> {
  if ('startError' in outcome) {
    const execID = randomBytes(32).toString('hex');
    const message = `error executing command in container: failed to exec in container: failed to start exec "${execID}": ${outcome.startError}`;
    return {
      metadata: {},
      status: 'Failure',
      message: `Internal error occurred: ${message}`,
      reason: 'InternalError',
      details: { causes: [{ message }] },
      code: 500,
    };
  }
  if (outcome.exitCode === 0) return { metadata: {}, status: 'Success' };
  return {
    metadata: {},
    status: 'Failure',
    message: `command terminated with non-zero exit code: error executing command [${outcome.command.join(' ')}], exit code ${outcome.exitCode}`,
    reason: 'NonZeroExitCode',
    details: { causes: [{ reason: 'ExitCode', message: String(outcome.exitCode) }] },
  };
}
