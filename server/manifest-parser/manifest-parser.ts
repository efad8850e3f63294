import { Worker } from 'node:worker_threads';
import { BffError, type BffErrorCode } from '@/lib/server/errors';
import type { ManifestDocument } from '@/lib/k8s/manifest-documents';

export interface ManifestParserOptions {
  /** A parse that takes longer is stopped and the manifest refused. */
  timeoutMs?: number;
  /** Parses running at once; more wait their turn, so a flood of large manifests cannot take every core. */
  concurrency?: number;
  /** Heap of one parse. Past it the thread is stopped; without a limit a pathological manifest (brackets nested
   * 300,000 deep) made V8 abort the whole process. */
  heapMb?: number;
}

type WorkerAnswer = { documents: ManifestDocument[] } | { error: { code: BffErrorCode; message: string } };

/**
 * Parses manifests in worker threads, one thread per manifest: the yaml package needs seconds for a few
 * MiB, which on the server's own thread would stall every other user's requests and sockets. A thread
 * that runs over its time is terminated, which stops the parse wherever it is.
 */
export function createManifestParser(options: ManifestParserOptions = {}): (text: string) => Promise<ManifestDocument[]> {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const heapMb = options.heapMb ?? 512;
  const waiting: (() => void)[] = [];
  let running = 0;
  const turn = () => (running < (options.concurrency ?? 2) ? Promise.resolve() : new Promise<void>((resolve) => waiting.push(resolve)));

  const parseInWorker = (text: string) =>
    new Promise<ManifestDocument[]>((resolve, reject) => {
      const worker = new Worker(new URL('./parse-worker.mjs', import.meta.url), { workerData: text, resourceLimits: { maxOldGenerationSizeMb: heapMb } });
      // A parse in flight does not keep a stopping server alive.
      worker.unref();
      const timer = setTimeout(() => {
        reject(new BffError('InvalidInput', `reading the manifest took longer than ${timeoutMs / 1000} s; split it into smaller manifests`));
        void worker.terminate();
      }, timeoutMs);
      worker.once('message', (answer: WorkerAnswer) => {
        if ('error' in answer) reject(new BffError(answer.error.code, answer.error.message));
        else resolve(answer.documents);
      });
      worker.once('error', (error: Error & { code?: string }) => {
        reject(
          error.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? new BffError('InvalidInput', `reading the manifest needed more than ${heapMb} MiB of memory; split it into smaller manifests`)
            : error,
        );
      });
      worker.once('exit', () => {
        clearTimeout(timer);
        reject(new BffError('Internal', 'the manifest parser stopped without an answer'));
      });
    });

  return async (text) => {
    await turn();
    running++;
    try {
      return await parseInWorker(text);
    } finally {
      running--;
      waiting.shift()?.();
    }
  };
}
