/** The parts of a `metav1.Status` that say which fields an error is about. */
export interface StatusFields {
  reason?: string;
  message?: string;
  details?: { causes?: { field?: string }[] };
}

const NAMESPACE_MISMATCH = /^the namespace from the provided object /;

/**
 * The field paths a server error names, to find them in the manifest: the `details.causes` of an Invalid
 * (422, `spec.containers[0].image`), the fields of a Strict decoding error (`unknown field "spec.foo"`,
 * named only in the message), the name of an AlreadyExists, the namespace of kubectl's mismatch.
 */
export function serverErrorFields(status: StatusFields): string[] {
  const fields = new Set<string>();
  for (const cause of status.details?.causes ?? []) if (cause.field) fields.add(cause.field);
  for (const match of (status.message ?? '').matchAll(/unknown field "([^"]+)"|duplicate field "([^"]+)"/g)) fields.add(match[1] ?? match[2]);
  if (status.reason === 'AlreadyExists') fields.add('metadata.name');
  if (NAMESPACE_MISMATCH.test(status.message ?? '')) fields.add('metadata.namespace');
  return [...fields];
}
