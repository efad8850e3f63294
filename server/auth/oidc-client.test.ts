import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as client from 'openid-client';
import { oidcFailure } from './oidc-client';

// openid-client makes these itself (its declared constructor does not name `code`).
const clientError = (message: string, code: string, cause?: Error) => new client.ClientError(message, { cause, code } as ErrorOptions);

test('a failure is a refusal when the provider or a check said no, not when the provider could not answer', () => {
  const response = new Response('{}', { status: 400 });
  const cases: [error: unknown, message: string | RegExp, refused: boolean][] = [
    [new client.ResponseBodyError('server responded with an error', { cause: { error: 'invalid_grant', error_description: 'grant request is invalid' }, response }), 'invalid_grant: grant request is invalid', true],
    [new client.AuthorizationResponseError('authorization response', { cause: new URLSearchParams({ error: 'access_denied' }) }), 'access_denied', true],
    [clientError('unexpected JWT claim value encountered', 'OAUTH_JWT_CLAIM_COMPARISON_FAILED', new Error('unexpected ID Token "nonce" claim value')), /nonce/, true],
    [clientError('unexpected HTTP response status code', 'OAUTH_RESPONSE_IS_NOT_CONFORM'), 'unexpected HTTP response status code', false],
    [clientError('unexpected response content-type', 'OAUTH_RESPONSE_IS_NOT_JSON'), 'unexpected response content-type', false],
    [new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED 127.0.0.1:9') }), 'fetch failed (connect ECONNREFUSED 127.0.0.1:9)', false],
  ];
  for (const [error, message, refused] of cases) {
    const failure = oidcFailure(error);
    if (typeof message === 'string') assert.equal(failure.message, message);
    else assert.match(failure.message, message);
    assert.equal(failure.refused, refused, failure.message);
  }
});
