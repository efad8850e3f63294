import { apiVersionOf, type ResourceDescriptor } from './resources';

/** The TypeMeta every object shown, copied, downloaded or edited must carry. */
export interface TypeMeta {
  apiVersion: string;
  kind: string;
}

/**
 * The object with `apiVersion` and `kind` from its kind's descriptor, first as kubectl prints them. List
 * items come without either (kube-apiserver names the kind once, on the list; only objects read alone and
 * watch events carry theirs), and kubectl sets them back before printing (cli-runtime's TypeSetter): a
 * manifest without them cannot be fed to `kubectl create -f`. The descriptor wins over what the object
 * says, since the object was read through that descriptor's path.
 */
export function withTypeMeta<T extends object>(descriptor: Pick<ResourceDescriptor, 'group' | 'version' | 'kind'>, object: T): T & TypeMeta {
  const { apiVersion: _apiVersion, kind: _kind, ...rest } = object as T & Partial<TypeMeta>;
  return { apiVersion: apiVersionOf(descriptor), kind: descriptor.kind, ...rest } as T & TypeMeta;
}
