import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'yaml';
import { renderDocument, renderText } from '@/lib/k8s/yaml-sections';

const pod = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: {
    name: 'kubia',
    annotations: { note: 'line one\nline two\n', 'with: colon': 'x' },
    managedFields: [{ manager: 'kubectl', operation: 'Update' }],
  },
  spec: { containers: [{ name: 'kubia', image: 'luksa/kubia', args: ['--port', '8080'] }] },
  status: { phase: 'Running', flag: 'yes', long: 'x'.repeat(200) },
};

describe('renderDocument', () => {
  it('YAML sections are the top-level keys, in server order', () => {
    const doc = renderDocument(pod, 'yaml');
    assert.deepEqual(
      doc.sections.map((s) => s.key),
      ['apiVersion', 'kind', 'metadata', 'spec', 'status'],
    );
    const metadata = doc.sections[2];
    assert.equal(doc.lines[metadata.start], 'metadata:');
    assert.equal(doc.lines[doc.sections[3].start], 'spec:');
    assert.equal(metadata.end, doc.sections[3].start);
    assert.equal(doc.sections.at(-1)?.end, doc.lines.length);
  });
  it('YAML looks like kubectl: sequences at their key level, no folding, round-trips', () => {
    const text = renderText(pod, 'yaml');
    assert.match(text, /\n {2}containers:\n {2}- name: kubia\n/);
    assert.ok(text.includes(`long: ${'x'.repeat(200)}\n`));
    assert.deepEqual(parse(text), pod);
  });
  it('block scalars do not start sections', () => {
    const doc = renderDocument({ a: 'one\ntwo: not a key\n', b: 1 }, 'yaml');
    assert.deepEqual(doc.sections.map((s) => [s.key, s.start, s.end]), [['a', 0, 3], ['b', 3, 4]]);
  });
  it('JSON uses four-space indent; the braces belong to no section', () => {
    const doc = renderDocument(pod, 'json');
    assert.equal(doc.lines[0], '{');
    assert.equal(doc.lines[1], '    "apiVersion": "v1",');
    assert.deepEqual(doc.sections.map((s) => s.key), ['apiVersion', 'kind', 'metadata', 'spec', 'status']);
    assert.equal(doc.sections[0].start, 1);
    assert.equal(doc.sections.at(-1)?.end, doc.lines.length - 1);
    assert.deepEqual(JSON.parse(doc.text), pod);
  });
  it('omits managedFields when asked, as kubectl does by default', () => {
    assert.ok(renderDocument(pod, 'yaml').text.includes('managedFields'));
    assert.ok(!renderDocument(pod, 'yaml', { omitManagedFields: true }).text.includes('managedFields'));
    assert.ok(!renderDocument(pod, 'json', { omitManagedFields: true }).text.includes('managedFields'));
  });
  it('non-objects have no sections', () => {
    assert.deepEqual(renderDocument([1, 2], 'yaml').sections, []);
    assert.deepEqual(renderDocument('text', 'json').sections, []);
  });
  it('keys with escapes in JSON', () => {
    assert.deepEqual(renderDocument({ 'a"b': 1 }, 'json').sections.map((s) => s.key), ['a"b']);
  });
});
