import { z } from 'zod';
import { describe, expect, it, vi } from 'vitest';
import { jsonResponse, loginBody, problemResponse } from '../test/fixtures';
import { ApiError, buildUrl, createApiClient } from './api-client';
import { apiErrorFromResponse, errorMessage, isProblem, parseRetryAfter } from './api-error';
import { SessionStore, refreshDelayMs } from './session';


const ok = z.object({ ok: z.boolean() });

function headerOf(init: RequestInit | undefined, name: string): string | undefined {
  return (init?.headers as Record<string, string> | undefined)?.[name];
}

describe('problem details', () => {
  it('parses an application/problem+json body into an ApiError', async () => {
    const error = await apiErrorFromResponse(
      problemResponse(400, 'validation_failed', {
        detail: 'The request body has invalid fields.',
        errors: [{ path: 'organisationNumber', code: 'invalid_format', message: 'must be a valid organisation number', params: { format: 'organisation_number' } }],
      }),
    );
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(400);
    expect(error.code).toBe('validation_failed');
    expect(error.detail).toBe('The request body has invalid fields.');
    expect(error.errors).toEqual([{ path: 'organisationNumber', code: 'invalid_format', message: 'must be a valid organisation number', params: { format: 'organisation_number' } }]);
    expect(error.requestId).toBe('req-42');
  });

  it('types the members a code carries once the code is checked', async () => {
    const error: unknown = await apiErrorFromResponse(problemResponse(409, 'already_exists', { existingId: 'doc-1' }));
    expect(isProblem(error, 'already_exists')).toBe(true);
    expect(isProblem(error, 'conflict', 'illegal_transition')).toBe(false);
    if (!isProblem(error, 'already_exists')) return;
    const existingId: string = error.problem.existingId;
    expect(existingId).toBe('doc-1');

    const refused = await apiErrorFromResponse(problemResponse(409, 'illegal_transition', { allowed: ['active'] }));
    expect(isProblem(refused, 'illegal_transition') ? refused.problem.allowed : []).toEqual(['active']);
    // A 412 without a body (a proxy in between) is still the precondition failing.
    expect(isProblem(await apiErrorFromResponse(new Response(null, { status: 412 })), 'precondition_failed')).toBe(true);
  });

  it('falls back to the status when the body is not a problem', async () => {
    const error = await apiErrorFromResponse(
      new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway', headers: { 'x-request-id': 'r-1' } }),
    );
    expect(error.status).toBe(502);
    expect(error.code).toBe('internal_error');
    expect(error.errors).toEqual([]);
    expect(error.requestId).toBe('r-1');
    expect(errorMessage(error)).toBe('Noe gikk galt på serveren. Prøv igjen om litt.');
  });

  it('reads Retry-After as seconds or as a date', async () => {
    expect(parseRetryAfter('42')).toBe(42);
    expect(parseRetryAfter(new Date(Date.UTC(2030, 0, 1, 0, 0, 30)).toUTCString(), Date.UTC(2030, 0, 1))).toBe(30);
    expect(parseRetryAfter(null)).toBeUndefined();
    const error = await apiErrorFromResponse(problemResponse(429, 'rate_limited', {}, { 'retry-after': '17' }));
    expect(error.retryAfterSeconds).toBe(17);
  });
});

describe('api client', () => {
  it('builds /api/v1 URLs and leaves out empty query values', () => {
    expect(buildUrl('/municipalities', { q: 'heroy', officeCode: '', cursor: undefined, limit: 50 })).toBe(
      '/api/v1/municipalities?q=heroy&limit=50',
    );
  });

  it('sends the access token and parses the body with the schema', async () => {
    const fetchMock = vi.fn<typeof fetch>().mockResolvedValue(jsonResponse({ ok: true }));
    const store = new SessionStore(fetchMock);
    store.start(loginBody('abc'));
    const client = createApiClient(store, fetchMock);
    const { data } = await client.get('/x', ok);
    expect(data).toEqual({ ok: true });
    expect(headerOf(fetchMock.mock.calls[0]?.[1], 'authorization')).toBe('Bearer abc');
    store.clear();
  });

  it('on 401 renews the token once and retries the request', async () => {
    const fetchMock = vi.fn<typeof fetch>(async (input, init) => {
      const url = input as string;
      if (url === '/api/v1/auth/refresh') {
        expect(init?.credentials).toBe('include');
        return jsonResponse(loginBody('fresh'));
      }
      return headerOf(init, 'authorization') === 'Bearer fresh' ? jsonResponse({ ok: true }) : problemResponse(401, 'unauthorized');
    });
    const store = new SessionStore(fetchMock);
    store.start(loginBody('stale'));
    const client = createApiClient(store, fetchMock);

    const [a, b] = await Promise.all([client.get('/a', ok), client.get('/b', ok)]);
    expect(a.data.ok && b.data.ok).toBe(true);
    // Both requests failed with the stale token but shared one refresh (the refresh token rotates).
    expect(fetchMock.mock.calls.filter(([url]) => url === '/api/v1/auth/refresh')).toHaveLength(1);
    expect(store.getAccessToken()).toBe('fresh');
    expect(store.getState().status).toBe('authenticated');
    store.clear();
  });

  it('ends the session when the refresh fails too', async () => {
    const fetchMock = vi.fn<typeof fetch>(async () => problemResponse(401, 'unauthorized'));
    const store = new SessionStore(fetchMock);
    store.start(loginBody('stale'));
    const client = createApiClient(store, fetchMock);

    const error = await client.get('/a', ok).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(401);
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(store.getState()).toEqual({ status: 'anonymous', reason: 'expired' });
    expect(store.getAccessToken()).toBeNull();
  });

  it('turns a failed fetch into a network ApiError', async () => {
    const fetchMock = vi.fn<typeof fetch>().mockRejectedValue(new TypeError('Failed to fetch'));
    const client = createApiClient(new SessionStore(fetchMock), fetchMock);
    const error = await client.get('/a', ok).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 0, code: 'network_error' });
  });
});

describe('session', () => {
  it('restores from the refresh cookie, or shows login on 401', async () => {
    const good = new SessionStore(vi.fn<typeof fetch>().mockResolvedValue(jsonResponse(loginBody())));
    await good.restore();
    expect(good.getState()).toMatchObject({ status: 'authenticated', user: { name: 'Ada Admin' } });
    good.clear();

    const none = new SessionStore(vi.fn<typeof fetch>().mockResolvedValue(problemResponse(401, 'unauthorized')));
    await none.restore();
    expect(none.getState()).toEqual({ status: 'anonymous', reason: 'none' });
  });

  it('renews the access token a little before it expires', () => {
    expect(refreshDelayMs(900)).toBe(840_000);
    expect(refreshDelayMs(60)).toBe(48_000);
  });
});
