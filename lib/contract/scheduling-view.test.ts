import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseSchedulingView, schedulingViewSearch } from '@/lib/contract/scheduling-view';
import { EMPTY_QUICK_FORM } from '@/lib/k8s/scheduling/quick-form';

describe('scheduling view in the URL', () => {
  it('round-trips an existing pod with a what-if', () => {
    const search = 'context=embedded&pod=default%2Fkubia-gpu&node=n1&change=gpu%3Dtrue';
    const view = parseSchedulingView(new URLSearchParams(search));
    assert.deepEqual(view, { context: 'embedded', input: 'pod', pod: 'default/kubia-gpu', form: EMPTY_QUICK_FORM, node: 'n1', change: 'gpu=true' });
    assert.equal(schedulingViewSearch(view), search);
  });

  it('round-trips the quick form', () => {
    const form = { ...EMPTY_QUICK_FORM, cpu: '3', nodeSelector: [{ key: 'gpu', value: 'true' }] };
    const search = schedulingViewSearch({ input: 'form', form });
    assert.deepEqual(parseSchedulingView(new URLSearchParams(search)).form, form);
  });

  it('ignores a form that does not parse, and an unknown input', () => {
    const view = parseSchedulingView(new URLSearchParams('input=magic&form=%7Bnope'));
    assert.equal(view.input, 'pod');
    assert.deepEqual(view.form, EMPTY_QUICK_FORM);
    assert.deepEqual(parseSchedulingView(new URLSearchParams('input=form&form=%7B%22cpu%22%3A5%7D')).form, EMPTY_QUICK_FORM);
  });
});
