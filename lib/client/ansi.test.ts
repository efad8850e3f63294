import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { applySgr, hasControlCharacters, parseAnsi, stripAnsi } from '@/lib/client/ansi';

/** Milliseconds of CPU this process has used. */
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

const E = '\x1b';

describe('parseAnsi: SGR to styled segments', () => {
  const cases: [string, string, ReturnType<typeof parseAnsi>][] = [
    ['plain text', 'hello world', [{ text: 'hello world' }]],
    ['empty line', '', []],
    ['basic colour and reset', `${E}[31merror${E}[0m done`, [{ text: 'error', style: { fg: { index: 1 } } }, { text: ' done' }]],
    ['bright colour, bold', `${E}[1;92mOK`, [{ text: 'OK', style: { bold: true, fg: { index: 10 } } }]],
    ['empty params reset', `${E}[4mu${E}[mx`, [{ text: 'u', style: { underline: true } }, { text: 'x' }]],
    ['256 colours', `${E}[38;5;208mo`, [{ text: 'o', style: { fg: { index: 208 } } }]],
    ['truecolour background', `${E}[48;2;10;20;30mb`, [{ text: 'b', style: { bg: { rgb: [10, 20, 30] } } }]],
    ['default fg clears only fg', `${E}[1;31ma${E}[39mb`, [{ text: 'a', style: { bold: true, fg: { index: 1 } } }, { text: 'b', style: { bold: true } }]],
    ['redundant codes merge', `${E}[0ma${E}[0mb`, [{ text: 'ab' }]],
    ['tabs stay', 'a\tb', [{ text: 'a\tb' }]],
  ];
  for (const [name, input, expected] of cases) it(name, () => assert.deepEqual(parseAnsi(input), expected));
});

describe('parseAnsi: everything else is removed, safely', () => {
  const cases: [string, string, string][] = [
    ['cursor movement and erase', `${E}[2J${E}[1;1Hhi${E}[K`, 'hi'],
    ['OSC title ended by BEL', `${E}]0;pwned${E}\x07text`, 'text'],
    ['OSC 8 hyperlink ended by ST', `${E}]8;;javascript:alert(1)${E}\\click${E}]8;;${E}\\`, 'click'],
    ['unterminated OSC swallows the rest', `before${E}]0;never ends`, 'before'],
    ['unterminated CSI', `text${E}[31`, 'text'],
    ['lone ESC at end', `text${E}`, 'text'],
    ['two-byte escapes', `${E}7a${E}8b${E}c`, 'ab'],
    ['private-mode CSI', `${E}[?25lhidden cursor${E}[?25h`, 'hidden cursor'],
    ['SGR with intermediates is not SGR', `${E}[1 mx`, 'x'],
    ['carriage return, backspace, bell, NUL', 'a\rb\bc\x07d\x00e', 'abcde'],
    ['C1 controls', 'a\u009b31mb\u0085c', 'a31mbc'],
    ['HTML stays text', '<script>alert(1)</script>', '<script>alert(1)</script>'],
  ];
  for (const [name, input, expected] of cases) it(name, () => assert.equal(stripAnsi(input), expected));

  it('out-of-range colours are clamped or ignored', () => {
    assert.deepEqual(parseAnsi(`${E}[38;2;999;0;300mx`), [{ text: 'x', style: { fg: { rgb: [255, 0, 255] } } }]);
    assert.deepEqual(parseAnsi(`${E}[38;5;999mx`), [{ text: 'x' }]);
    assert.deepEqual(parseAnsi(`${E}[38;5mx`), [{ text: 'x' }]);
    assert.deepEqual(parseAnsi(`${E}[38;2;1;2mx`), [{ text: 'x' }]);
  });
  it('huge numbers do not break anything', () => {
    assert.deepEqual(parseAnsi(`${E}[99999999999999999999999mx`), [{ text: 'x' }]);
  });
  it('overlong parameter lists are dropped whole', () => {
    const params = Array.from({ length: 5000 }, () => '1').join(';');
    assert.deepEqual(parseAnsi(`${E}[${params}mx`), [{ text: 'x' }]);
  });
  it('a hostile megabyte line parses in linear time', () => {
    const hostile = `${E}[`.repeat(200_000) + `${E}]`.repeat(100_000);
    // CPU time, not wall time: other processes on a busy machine do not count against it.
    const started = cpuMs();
    parseAnsi(hostile);
    parseAnsi(`${E}[31m`.repeat(100_000));
    // A quadratic parser takes hours on this input; a linear one well under a second.
    assert.ok(cpuMs() - started < 10_000);
  });
  it('styles are built only from numbers and flags', () => {
    const [segment] = parseAnsi(`${E}[38;2;1;2;3;48;5;4;1;3;4;7;9mx`);
    assert.deepEqual(segment.style, { fg: { rgb: [1, 2, 3] }, bg: { index: 4 }, bold: true, italic: true, underline: true, inverse: true, strike: true });
  });
});

describe('applySgr and hasControlCharacters', () => {
  it('22 clears bold and dim', () => assert.deepEqual(applySgr({ bold: true, dim: true, italic: true }, [22]), { italic: true }));
  it('detects escapes', () => {
    assert.equal(hasControlCharacters('plain\ttext'), false);
    assert.equal(hasControlCharacters(`${E}[0m`), true);
  });
});
