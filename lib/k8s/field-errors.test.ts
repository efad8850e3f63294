import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  duplicate,
  fieldError,
  fieldErrorBody,
  fieldErrorMessage,
  forbidden,
  goQuote,
  internalError,
  invalid,
  invalidMessage,
  notFound,
  notSupported,
  qualifiedKind,
  required,
  statusCauses,
  tooLong,
  tooMany,
  type FieldError,
} from '@/lib/k8s/field-errors';

// field.Error.Error() as Kubernetes 1.32 prints it: error -> message.
describe('fieldErrorMessage (field.Error.Error)', () => {
  const cases: [string, FieldError, string][] = [
    ['invalid string', invalid('metadata.name', 'Foo', 'bad'), 'metadata.name: Invalid value: "Foo": bad'],
    ['invalid number', invalid('spec.replicas', -1, 'must be greater than or equal to 0'),
      'spec.replicas: Invalid value: -1: must be greater than or equal to 0'],
    ['invalid bool', invalid('x', true, 'nope'), 'x: Invalid value: true: nope'],
    ['invalid nil', invalid('x', null, 'nope'), 'x: Invalid value: null: nope'],
    ['invalid empty slice', invalid('values', [], 'empty'), 'values: Invalid value: []string(nil): empty'],
    ['invalid slice', invalid('values', ['a', 'b'], 'two'), 'values: Invalid value: []string{"a", "b"}: two'],
    ['required with detail', required('metadata.name', 'name or generateName is required'),
      'metadata.name: Required value: name or generateName is required'],
    ['required without detail', required('spec.containers'), 'spec.containers: Required value'],
    ['forbidden', forbidden('metadata.namespace', 'not allowed on this type'), 'metadata.namespace: Forbidden: not allowed on this type'],
    ['duplicate', duplicate('spec.containers[1].name', 'kubia'), 'spec.containers[1].name: Duplicate value: "kubia"'],
    ['not found', notFound('spec.volumes[0]', 'data'), 'spec.volumes[0]: Not found: "data"'],
    ['not supported', notSupported('spec.restartPolicy', 'Sometimes', ['Always', 'OnFailure', 'Never']),
      'spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"'],
    ['too long bytes', tooLong('metadata.annotations', 262144), 'metadata.annotations: Too long: may not be more than 262144 bytes'],
    ['too long one byte', tooLong('x', 1), 'x: Too long: may not be more than 1 byte'],
    ['too long unknown', tooLong('x', -1), 'x: Too long: value is too long'],
    ['too many', tooMany('spec.containers', 3, 2), 'spec.containers: Too many: 3: must have at most 2 items'],
    ['too many, count omitted', tooMany('x', -1, 1), 'x: Too many: must have at most 1 item'],
    ['internal', internalError('metadata.name', 'boom'), 'metadata.name: Internal error: boom'],
    ['type invalid', fieldError('FieldValueTypeInvalid', 'spec', 'x', 'expected object'), 'spec: Invalid value: "x": expected object'],
    ['quotes like %q', invalid('x', 'a"b\\c\n\t😀', 'd'), 'x: Invalid value: "a\\"b\\\\c\\n\\t😀": d'],
  ];
  for (const [name, err, want] of cases) it(name, () => assert.equal(fieldErrorMessage(err), want));

  it('goQuote escapes control characters as Go does', () => {
    assert.equal(goQuote('\x00\x1b\x7f\u0085é'), '"\\x00\\x1b\\x7f\\u0085é"');
  });
});

describe('invalidMessage and statusCauses (errors.NewInvalid)', () => {
  const nameErr = invalid('metadata.name', 'Foo', 'must be lowercase');
  const imageErr = required('spec.containers[0].image');

  it('one error is printed alone', () => {
    assert.equal(invalidMessage('Pod', 'Foo', [nameErr]), 'Pod "Foo" is invalid: metadata.name: Invalid value: "Foo": must be lowercase');
  });
  it('several errors are bracketed and comma separated', () => {
    assert.equal(
      invalidMessage('Pod', 'Foo', [nameErr, imageErr]),
      'Pod "Foo" is invalid: [metadata.name: Invalid value: "Foo": must be lowercase, spec.containers[0].image: Required value]',
    );
  });
  it('duplicate messages are printed once', () => {
    assert.equal(invalidMessage('Pod', 'Foo', [imageErr, imageErr]), 'Pod "Foo" is invalid: spec.containers[0].image: Required value');
  });
  it('no errors leaves just the head', () => {
    assert.equal(invalidMessage('Pod', 'x', []), 'Pod "x" is invalid');
  });
  it('qualified kinds carry the group', () => {
    assert.equal(invalidMessage(qualifiedKind('Deployment', 'apps'), 'kubia', [imageErr]).split(' is')[0], 'Deployment.apps "kubia"');
    assert.equal(qualifiedKind('Pod'), 'Pod');
  });
  it('causes keep every error with its body and field', () => {
    assert.deepEqual(statusCauses([nameErr, imageErr, imageErr]), [
      { reason: 'FieldValueInvalid', message: 'Invalid value: "Foo": must be lowercase', field: 'metadata.name' },
      { reason: 'FieldValueRequired', message: 'Required value', field: 'spec.containers[0].image' },
      { reason: 'FieldValueRequired', message: 'Required value', field: 'spec.containers[0].image' },
    ]);
    assert.equal(fieldErrorBody(nameErr), 'Invalid value: "Foo": must be lowercase');
  });
});
