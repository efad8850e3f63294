/** Links into the node pages and the scheduling preview, carrying the context when one is chosen. */

const withContext = (params: Record<string, string | undefined>) => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) search.set(key, value);
  const text = search.toString();
  return text ? `?${text}` : '';
};

export function nodeHref(name: string, context?: string): string {
  return `/nodes/${encodeURIComponent(name)}${withContext({ context })}`;
}

/** The scheduling preview, for a pod (`namespace/name`) when given. */
export function schedulingHref(options: { context?: string; namespace?: string; pod?: string }): string {
  const pod = options.pod && options.namespace ? `${options.namespace}/${options.pod}` : undefined;
  return `/scheduling${withContext({ context: options.context, pod })}`;
}
