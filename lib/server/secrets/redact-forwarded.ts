import { failureStatus } from '@/lib/contract/status';
import type { ForwardedResponse } from '@/lib/server/proxy/forward';
import { redactSecretsBody } from '@/lib/server/secrets/redact-secrets';

/** Whether a proxied path (the segments after `/k8s/`) reads or writes core/v1 Secrets. */
export function targetsSecrets(segments: readonly string[]): boolean {
  if (segments[0] !== 'api' || segments[1] !== 'v1') return false;
  const rest = segments[2] === 'namespaces' && segments.length > 4 ? segments.slice(4) : segments.slice(2);
  return rest[0] === 'secrets';
}

/** The Accept to send for Secrets: JSON renderings (objects, Tables, metadata) only, so the answer can be redacted. */
export function secretsAccept(accept: string | null): string {
  return accept && /json/i.test(accept) && !/protobuf|yaml/i.test(accept) ? accept : 'application/json';
}

/**
 * The API server's answer about Secrets without their values: the console's pages list, label and
 * delete Secrets through the proxy like any object, and read a value only through the reveal route.
 */
export async function redactForwarded(answer: ForwardedResponse): Promise<ForwardedResponse> {
  if (!answer.body) return answer;
  const text = await new Response(answer.body).text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Not JSON (the Accept above asks only for JSON): nothing that can be shown safely.
    const status = failureStatus({ code: 502, reason: 'BadGateway', message: 'the API server answered about Secrets in a form the console cannot redact' });
    return { status: 502, headers: new Headers({ 'content-type': 'application/json' }), body: new Response(JSON.stringify(status)).body };
  }
  const headers = new Headers(answer.headers);
  headers.set('content-type', 'application/json');
  headers.set('cache-control', 'no-store');
  return { ...answer, headers, body: new Response(JSON.stringify(redactSecretsBody(parsed))).body };
}
