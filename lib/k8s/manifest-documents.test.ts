import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ManifestLimitError, MANIFEST_LIMITS, parseManifestDocuments } from '@/lib/k8s/manifest-documents';

test('YAML documents split on ---, empty ones skipped', () => {
  const docs = parseManifestDocuments('---\napiVersion: v1\nkind: Pod\n---\n\n---\napiVersion: v1\nkind: Service\n');
  assert.deepEqual(docs.map((d) => d.object?.kind), ['Pod', 'Service']);
  assert.deepEqual(docs.map((d) => d.index), [0, 1]);
});

test('JSON is read as YAML', () => {
  const docs = parseManifestDocuments('{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "a"}}');
  assert.equal(docs[0].object?.kind, 'ConfigMap');
});

test('a List is expanded into its items', () => {
  const docs = parseManifestDocuments('apiVersion: v1\nkind: List\nitems:\n- {apiVersion: v1, kind: Pod}\n- {apiVersion: v1, kind: Secret}\n');
  assert.deepEqual(docs.map((d) => d.object?.kind), ['Pod', 'Secret']);
});

test('a YAML error keeps its place with a 1-based line and column', () => {
  const docs = parseManifestDocuments('apiVersion: v1\nkind: Pod\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n   labels: x\n');
  assert.equal(docs.length, 2);
  assert.equal(docs[0].object?.kind, 'Pod');
  assert.equal(docs[1].error?.line, 7);
  assert.equal(docs[1].error?.column, 9);
  assert.doesNotMatch(docs[1].error?.message ?? '', /\n/);
});

test('a scalar document is an error', () => {
  const docs = parseManifestDocuments('just text');
  assert.match(docs[0].error?.message ?? '', /must be an object/);
  assert.equal(docs[0].error?.line, 1);
});

const documentsOf = (n: number) => Array.from({ length: n }, () => '--- 1').join('\n');
const unlimited = { ...MANIFEST_LIMITS, maxDocuments: Number.POSITIVE_INFINITY };
const fastestOf = (runs: number, work: () => void) => {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    work();
    best = Math.min(best, performance.now() - started);
  }
  return best;
};

test('parsing is linear: twice the documents take about twice as long', () => {
  // Each `--- 1` document is an error with a position; finding positions by rescanning the text was quadratic
  // (10k documents 1.5 s, 20k 8.9 s). The fastest of a few runs keeps a busy machine's noise out; a
  // quadratic parse would take four times as long, a linear one about twice.
  const [ten, twenty] = [documentsOf(10_000), documentsOf(20_000)];
  parseManifestDocuments(ten, unlimited);
  const t10 = fastestOf(3, () => parseManifestDocuments(ten, unlimited));
  const t20 = fastestOf(3, () => parseManifestDocuments(twenty, unlimited));
  assert.ok(t20 / t10 < 3, `10k documents took ${t10.toFixed(0)} ms, 20k took ${t20.toFixed(0)} ms`);
  const docs = parseManifestDocuments(twenty, unlimited);
  assert.equal(docs.length, 20_000);
  assert.deepEqual(docs.at(-1)?.error, { message: 'a manifest document must be an object with apiVersion and kind', line: 20_000, column: 5, offset: 119_998 });
});

test('more objects than the limit refuse the manifest, without reading the rest', () => {
  assert.equal(parseManifestDocuments(documentsOf(MANIFEST_LIMITS.maxDocuments)).length, MANIFEST_LIMITS.maxDocuments);
  const refused = (text: string) => assert.throws(() => parseManifestDocuments(text), (error) => error instanceof ManifestLimitError && /more than 1000 objects/.test(error.message));
  refused(documentsOf(MANIFEST_LIMITS.maxDocuments + 1));
  refused(JSON.stringify({ apiVersion: 'v1', kind: 'List', items: Array.from({ length: 1001 }, () => ({ apiVersion: 'v1', kind: 'ConfigMap' })) }));
  // 400k documents (2.4 MB) froze the server for minutes; now they stop at the limit.
  const started = performance.now();
  refused(documentsOf(400_000));
  assert.ok(performance.now() - started < 5_000);
});

const refusal = (text: string) => {
  try {
    parseManifestDocuments(text);
  } catch (error) {
    assert.ok(error instanceof ManifestLimitError, String(error));
    return error.message;
  }
  assert.fail('the manifest was accepted');
};

test('an alias bomb is refused with the line of the alias that crosses the limit', () => {
  // One large anchor and many aliases of it: a few MiB of text that expands to hundreds of MiB.
  const big = 'x'.repeat(1024 * 1024);
  const manifest = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: b}\ndata:\n  a: &a "${big}"\n${Array.from({ length: 20 }, (_, i) => `  b${i}: *a`).join('\n')}\n`;
  assert.equal(refusal(manifest), "error parsing YAML: line 10, column 7: the manifest's aliases expand to more than 6291456 bytes");
});

test('"billion laughs" is refused, not expanded', () => {
  const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (const [i, name] of [...'bcdefghi'].entries()) levels.push(`${name}: &${name} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(',')}]`);
  assert.match(refusal(levels.join('\n')), /^error parsing YAML: line \d+, column \d+: the manifest's aliases expand to more than/);
});

test('too many aliases, and an alias inside the node it names, are refused', () => {
  const many = `a: &a 1\nb: [${Array(101).fill('*a').join(', ')}]\n`;
  assert.match(refusal(many), /^error parsing YAML: line 2, column \d+: a document may use at most 100 aliases$/);
  assert.equal(refusal('a: &a [*a]\n'), 'error parsing YAML: line 1, column 8: the alias *a is inside the node it names');
});

test('ordinary aliases expand as before', () => {
  const [doc] = parseManifestDocuments('apiVersion: v1\nkind: Pod\nenv: &env [{name: A, value: "1"}]\nother: *env\n');
  assert.deepEqual(doc.object?.other, [{ name: 'A', value: '1' }]);
});

test('a repeated key is an error of its document, with its position', () => {
  const docs = parseManifestDocuments('apiVersion: v1\nkind: ConfigMap\n---\napiVersion: v1\nkind: ConfigMap\nkind: Secret\n');
  assert.equal(docs[0].object?.kind, 'ConfigMap');
  assert.deepEqual(docs[1].error, { message: 'Map keys must be unique: "kind" is repeated', line: 6, column: 1, offset: 66 });
});

test('a document nested too deeply is an error of its document, not a crash', () => {
  const depth = 50_000;
  const [doc] = parseManifestDocuments(`${'['.repeat(depth)}${']'.repeat(depth)}`);
  assert.match(doc.error?.message ?? '', /call stack/);
});
