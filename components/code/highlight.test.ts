import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { highlightJsonLine, highlightLines, highlightYaml, type Token } from '@/components/code/highlight';
import { renderDocument } from '@/lib/k8s/yaml-sections';

const kinds = (tokens: Token[]) => tokens.filter((t) => t.kind !== 'plain').map((t) => `${t.kind}:${t.text}`);

describe('highlightYaml', () => {
  const cases: [string, string, string[]][] = [
    ['key and string', 'name: kubia', ['key:name', 'punct::', 'string:kubia']],
    ['nested key and number', '  containerPort: 8080', ['key:containerPort', 'punct::', 'number:8080']],
    ['quoted number is a string', '  s: "123"', ['key:s', 'punct::', 'string:"123"']],
    ['literal', 'ready: true', ['key:ready', 'punct::', 'literal:true']],
    ['null', 'x: null', ['key:x', 'punct::', 'literal:null']],
    ['sequence item with key', '- name: c', ['punct:- ', 'key:name', 'punct::', 'string:c']],
    ['sequence scalar', '  - --port', ['punct:- ', 'string:--port']],
    ['key with no value', 'metadata:', ['key:metadata', 'punct::']],
    ['empty map', 'empty: {}', ['key:empty', 'punct::', 'punct:{}']],
    ['annotation key with slashes and dots', '    app.kubernetes.io/name: web', ['key:app.kubernetes.io/name', 'punct::', 'string:web']],
    ['quoted key', '"a: b": 1', ['key:"a: b"', 'punct::', 'number:1']],
    ['url value keeps its colon', 'url: http://x:80/', ['key:url', 'punct::', 'string:http://x:80/']],
    ['comment', '# note', ['comment:# note']],
  ];
  for (const [name, line, expected] of cases) it(name, () => assert.deepEqual(kinds(highlightYaml([line])[0]), expected));

  it('block scalar content stays a string until the indentation drops', () => {
    const tokens = highlightYaml(['  note: |', '    a: not a key', '', '    b', '  next: 1']);
    assert.deepEqual(tokens.map(kinds), [['key:note', 'punct::', 'indicator:|'], ['string:    a: not a key'], ['string:'], ['string:    b'], ['key:next', 'punct::', 'number:1']]);
  });
  it('every character survives tokenizing', () => {
    const doc = renderDocument({ a: { b: [1, 'x: y', { c: 'd\ne' }] }, 'k-e.y/z': null }, 'yaml');
    const joined = highlightLines(doc.lines, 'yaml').map((line) => line.map((t) => t.text).join(''));
    assert.deepEqual(joined, doc.lines);
  });
});

describe('highlightJsonLine', () => {
  it('keys, strings, numbers, literals, punctuation', () => {
    assert.deepEqual(kinds(highlightJsonLine('    "name": "kub\\"ia",')), ['key:"name"', 'punct::', 'string:"kub\\"ia"', 'punct:,']);
    assert.deepEqual(kinds(highlightJsonLine('    "n": -1.5e3, "t": true, "z": null')), [
      'key:"n"', 'punct::', 'number:-1.5e3', 'punct:,', 'key:"t"', 'punct::', 'literal:true', 'punct:,', 'key:"z"', 'punct::', 'literal:null',
    ]);
  });
  it('every character survives tokenizing', () => {
    const doc = renderDocument({ a: ['x', 1, { '<b>': '</script>' }] }, 'json');
    assert.deepEqual(highlightLines(doc.lines, 'json').map((line) => line.map((t) => t.text).join('')), doc.lines);
  });
});
