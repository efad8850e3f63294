import { forbidden, invalid, required, tooLong, type FieldError } from '@/lib/k8s/field-errors';
import { isPlainObject, type KubeObject } from '../types';

/** core.MaxSecretSize: the decoded values of one Secret together. */
const MAX_SECRET_SIZE = 1024 * 1024;
const CONFIG_KEY = /^[-._a-zA-Z0-9]+$/;

/** validation.IsConfigMapKey: the keys of a Secret's (and a ConfigMap's) data are file names. */
function configKeyErrors(key: string): string[] {
  const errors: string[] = [];
  if (key.length > 253) errors.push('must be no more than 253 characters');
  if (!CONFIG_KEY.test(key)) {
    errors.push("a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')");
  }
  if (key === '.') errors.push("must not be '.'");
  else if (key === '..') errors.push("must not be '..'");
  else if (key.startsWith('..')) errors.push("must not start with '..'");
  return errors;
}

const dataOf = (secret: KubeObject) => (isPlainObject(secret.data) ? (secret.data as Record<string, string>) : {});
const has = (data: Record<string, string>, key: string) => Object.hasOwn(data, key);

/** The keys each built-in type requires (ValidateSecret's switch on the type). */
function typeErrors(secret: KubeObject, data: Record<string, string>): FieldError[] {
  const annotations = isPlainObject(secret.metadata.annotations) ? (secret.metadata.annotations as Record<string, string>) : {};
  const jsonKey = (key: string): FieldError[] => {
    if (!has(data, key)) return [required(`data[${key}]`)];
    try {
      const parsed: unknown = JSON.parse(Buffer.from(data[key], 'base64').toString('utf8'));
      if (isPlainObject(parsed)) return [];
    } catch {
      // reported below
    }
    return [invalid(`data[${key}]`, '<secret contents redacted>', 'invalid character looking for beginning of value')];
  };
  switch (secret.type) {
    case 'kubernetes.io/service-account-token':
      return annotations['kubernetes.io/service-account.name'] ? [] : [required('metadata.annotations[kubernetes.io/service-account.name]')];
    case 'kubernetes.io/dockercfg':
      return jsonKey('.dockercfg');
    case 'kubernetes.io/dockerconfigjson':
      return jsonKey('.dockerconfigjson');
    case 'kubernetes.io/basic-auth':
      return has(data, 'username') || has(data, 'password') ? [] : [required('data[username]'), required('data[password]')];
    case 'kubernetes.io/ssh-auth':
      return data['ssh-privatekey'] ? [] : [required('data[ssh-privatekey]')];
    case 'kubernetes.io/tls':
      return [...(has(data, 'tls.crt') ? [] : [required('data[tls.crt]')]), ...(has(data, 'tls.key') ? [] : [required('data[tls.key]')])];
    default:
      return [];
  }
}

/** ValidateSecret: data keys, the total size, and what the type requires. */
export function validateSecret(secret: KubeObject): FieldError[] {
  const data = dataOf(secret);
  const errors: FieldError[] = [];
  let size = 0;
  for (const [key, value] of Object.entries(data)) {
    for (const message of configKeyErrors(key)) errors.push(invalid(`data[${key}]`, key, message));
    size += Buffer.from(value, 'base64').length;
  }
  if (size > MAX_SECRET_SIZE) errors.push(tooLong('data', MAX_SECRET_SIZE));
  return [...errors, ...typeErrors(secret, data)];
}

/** ValidateSecretUpdate: the type never changes, and an immutable Secret keeps its data and stays immutable. */
export function validateSecretUpdate(next: KubeObject, old: KubeObject): FieldError[] {
  const errors = validateSecret(next);
  if (next.type !== old.type) errors.push(invalid('type', next.type, 'field is immutable'));
  if (old.immutable === true) {
    if (next.immutable !== true) errors.push(forbidden('immutable', 'field is immutable when `immutable` is set'));
    if (JSON.stringify(dataOf(next)) !== JSON.stringify(dataOf(old))) errors.push(forbidden('data', 'field is immutable when `immutable` is set'));
  }
  return errors;
}
