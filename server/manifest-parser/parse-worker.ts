// A worker thread that reads one manifest, so a large one never holds up the server's event loop.
import { parentPort, workerData } from 'node:worker_threads';
import { ManifestLimitError, parseManifestDocuments } from '@/lib/k8s/manifest-documents';

try {
  // The YAML nodes are the editor's; the server needs the objects and positions, and nodes do not clone.
  const documents = parseManifestDocuments(workerData as string).map(({ node: _node, ...document }) => document);
  parentPort!.postMessage({ documents });
} catch (error) {
  parentPort!.postMessage({ error: error instanceof ManifestLimitError ? { code: 'InvalidInput', message: error.message } : { code: 'Internal', message: String(error) } });
}
