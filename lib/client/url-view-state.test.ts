import assert from 'node:assert/strict';
import { test } from 'node:test';
import { followUrl, shownText, typeDraft, type UrlViewState } from './url-view-state';

interface View {
  showLabels: boolean;
  labelSelector: string;
}
const codec = {
  parse: (search: string): View => {
    const params = new URLSearchParams(search);
    return { showLabels: params.get('showLabels') === '1', labelSelector: params.get('labelSelector') ?? '' };
  },
  serialize: (view: View) => new URLSearchParams({ ...(view.showLabels ? { showLabels: '1' } : {}), ...(view.labelSelector ? { labelSelector: view.labelSelector } : {}) }).toString(),
};

test('the same URL changes nothing (the very same state object)', () => {
  const state: UrlViewState<View> = { url: 'showLabels=1', view: { showLabels: true, labelSelector: '' } };
  assert.equal(followUrl(state, { search: 'showLabels=1', addressBar: 'showLabels=1' }, codec), state);
});

test('a late echo of an older URL of ours does not undo a newer change (Show labels does not snap back)', () => {
  // Ticked, then unticked: the view says off and the address bar is empty; Next still reports the tick.
  const state: UrlViewState<View> = { url: '', view: { showLabels: false, labelSelector: '' } };
  const next = followUrl(state, { search: 'showLabels=1', addressBar: '' }, codec);
  assert.equal(next.view.showLabels, false);
  assert.equal(next.url, 'showLabels=1');
  // Then Next catches up with the address bar: the view still stands.
  assert.equal(followUrl(next, { search: '', addressBar: '' }, codec).view.showLabels, false);
});

test('our own latest change arriving keeps the view object', () => {
  const view = { showLabels: true, labelSelector: 'env=prod' };
  const state: UrlViewState<View> = { url: '', view };
  const next = followUrl(state, { search: codec.serialize(view), addressBar: codec.serialize(view) }, codec);
  assert.equal(next.view, view);
});

test('any other URL (back button, a link, a picker) wins', () => {
  const state: UrlViewState<View> = { url: 'labelSelector=env%3Dprod', view: { showLabels: false, labelSelector: 'env=prod' } };
  const next = followUrl(state, { search: 'labelSelector=app%3Dweb', addressBar: 'labelSelector=app%3Dweb' }, codec);
  assert.deepEqual(next.view, { showLabels: false, labelSelector: 'app=web' });
});

test('a draft is shown only while the URL holds the value it was typed against', () => {
  // `env` was sent; `env in (` typed since, invalid, so kept as a draft on `env`.
  const typed = typeDraft({ text: 'env in (', value: 'env', valid: false });
  assert.equal(typed.send, undefined);
  assert.equal(shownText(typed.draft, 'env'), 'env in (');
  // Clear the selectors (or a clicked label, or back) changes the URL: the box follows it.
  assert.equal(shownText(typed.draft, ''), '');
  assert.equal(shownText(typed.draft, 'app=web'), 'app=web');
  assert.equal(shownText(undefined, 'app=web'), 'app=web');
});

test('valid new text is sent in its URL form and stays as typed', () => {
  const typed = typeDraft({ text: 'env=prod ', value: 'env', valid: true });
  assert.equal(typed.send, 'env=prod');
  assert.equal(shownText(typed.draft, 'env=prod'), 'env=prod ');
  // Text that says what the URL already holds sends nothing and keeps its spaces.
  const same = typeDraft({ text: ' env', value: 'env', valid: true });
  assert.equal(same.send, undefined);
  assert.equal(shownText(same.draft, 'env'), ' env');
});

test('label columns normalize to their comma list', () => {
  const normalize = (text: string) => text.split(',').map((k) => k.trim()).filter(Boolean).join(',');
  const typed = typeDraft({ text: 'env, tier,', value: 'env', valid: true, normalize });
  assert.equal(typed.send, 'env,tier');
  assert.equal(shownText(typed.draft, 'env,tier'), 'env, tier,');
});
