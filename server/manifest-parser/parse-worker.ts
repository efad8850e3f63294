// A worker thread that reads one manifest, so a large one never holds up the server's event loop.
import { parentPort, workerData } from 'node:worker_threads';
import { isBffError } from '@/lib/server/errors';
import { parseManifestDocuments } from '@/lib/server/manifests/parse-documents';

try {
  parentPort!.postMessage({ documents: parseManifestDocuments(workerData as string) });
} catch (error) {
  parentPort!.postMessage({ error: isBffError(error) ? { code: error.code, message: error.message } : { code: 'Internal', message: String(error) } });
}
