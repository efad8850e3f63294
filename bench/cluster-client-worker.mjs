/**
 * The HTTP side of bench/cluster-bench.ts, run in a worker thread so that reading 150 MB of JSON does not
 * count against the event loop of the API server it measures (which runs on the main thread). A second
 * worker probes meanwhile (`probe-start`/`probe-stop`): `GET /readyz` every 25 ms, reporting the slowest answer.
 */
import https from 'node:https';
import { parentPort, workerData } from 'node:worker_threads';

const { url, token, ca } = workerData;
const base = new URL(url);
const agent = new https.Agent({ keepAlive: true, ca, maxSockets: 8 });
const headers = { authorization: `Bearer ${token}`, accept: 'application/json' };

/** GET `path`; with `onData` the body is handed over chunk by chunk (and `stop` ends the request) instead of kept. */
function get(path, onData) {
  return new Promise((resolve, reject) => {
    const req = https.get({ host: base.hostname, port: base.port, path, agent, headers }, (res) => {
      const chunks = [];
      let bytes = 0;
      let done = false;
      const stop = () => {
        if (done) return;
        done = true;
        req.destroy();
        resolve({ status: res.statusCode ?? 0, body: Buffer.alloc(0), bytes });
      };
      res.on('data', (chunk) => {
        bytes += chunk.length;
        if (onData) onData(chunk, stop);
        else chunks.push(chunk);
      });
      res.on('end', () => !done && resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks), bytes }));
      res.on('error', (error) => !done && reject(error));
    });
    req.on('error', reject);
  });
}

async function run(operation) {
  const start = performance.now();
  if (operation.op === 'probe' || operation.op === 'list') {
    const { body, bytes } = await get(operation.path);
    const items = operation.op === 'list' ? JSON.parse(body.toString('utf8')).items.length : 0;
    return { ms: performance.now() - start, bytes, items };
  }
  if (operation.op === 'paged') {
    let token = '';
    let items = 0;
    let bytes = 0;
    do {
      const sep = operation.path.includes('?') ? '&' : '?';
      const page = await get(`${operation.path}${sep}limit=${operation.limit}${token ? `&continue=${encodeURIComponent(token)}` : ''}`);
      const list = JSON.parse(page.body.toString('utf8'));
      if (page.status !== 200) throw new Error(`page answered ${page.status}`);
      items += list.items.length;
      bytes += page.bytes;
      token = list.metadata.continue ?? '';
    } while (token);
    return { ms: performance.now() - start, bytes, items };
  }
  // A watch: count newline-terminated events until the initial ADDED ones have all arrived.
  let items = 0;
  const { bytes } = await get(operation.path, (chunk, stop) => {
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) items++;
    if (items >= operation.expect) stop();
  });
  return { ms: performance.now() - start, bytes, items };
}

// The probe loop runs in a worker of its own, so that parsing a 150 MB list here does not delay the probes.
let probing;
parentPort?.on('message', (operation) => {
  if (operation.op === 'probe-start') {
    probing = { running: true, maxMs: 0, count: 0 };
    const state = probing;
    void (async () => {
      while (state.running) {
        const start = performance.now();
        await get('/readyz');
        state.maxMs = Math.max(state.maxMs, performance.now() - start);
        state.count++;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    })();
    parentPort?.postMessage({ ok: true });
    return;
  }
  if (operation.op === 'probe-stop') {
    if (probing) probing.running = false;
    parentPort?.postMessage({ ok: true, result: { probeMaxMs: probing?.maxMs ?? 0, probes: probing?.count ?? 0 } });
    return;
  }
  run(operation).then(
    (result) => parentPort?.postMessage({ ok: true, result }),
    (error) => parentPort?.postMessage({ ok: false, error: String(error) }),
  );
});
