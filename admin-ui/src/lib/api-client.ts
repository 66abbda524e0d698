import { z } from 'zod';
import { ApiError, apiErrorFromResponse, invalidResponse, networkError, problemOf } from './api-error';
import { API_BASE, type SessionStore, session as defaultSession } from './session';

export { ApiError, errorMessage, isApiError, isProblem } from './api-error';

export type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Record<string, QueryValue>;
  body?: unknown;
  /** A body that is not JSON (a CSV file), sent as is with its media type. */
  rawBody?: { contentType: string; data: Blob | string };
  headers?: Record<string, string>;
  signal?: AbortSignal | undefined;
}

export interface ApiResponse<T> {
  data: T;
  status: number;
  headers: Headers;
}

/** A resource with the ETag it was read or written at: the `If-Match` of the next change to it. */
export interface Versioned<T> {
  value: T;
  etag: string | null;
}

export const versioned = <T>({ data, headers }: ApiResponse<T>): Versioned<T> => ({ value: data, etag: headers.get('etag') });

/** Makes a change conditional on the version it started from: a stale one answers 412. */
export const ifMatch = (etag: string | null): Pick<RequestOptions, 'headers'> => ({ headers: etag ? { 'if-match': etag } : {} });

/** `/api/v1` + path + query string, leaving out empty values. */
export function buildUrl(path: string, query: Record<string, QueryValue> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const search = params.toString();
  return `${API_BASE}${path}${search ? `?${search}` : ''}`;
}

/**
 * The one way the app talks to the API: adds the access token, renews it once on a 401 and
 * retries, ends the session when that fails, and turns error answers into ApiError.
 */
export function createApiClient(store: SessionStore, fetchImpl: typeof fetch = (...args) => fetch(...args)) {
  async function send(url: string, options: RequestOptions): Promise<Response> {
    const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    if (options.rawBody) headers['content-type'] = options.rawBody.contentType;
    const token = store.getAccessToken();
    if (token) headers.authorization = `Bearer ${token}`;
    try {
      return await fetchImpl(url, {
        method: options.method ?? 'GET',
        headers,
        body: options.rawBody ? options.rawBody.data : options.body === undefined ? null : JSON.stringify(options.body),
        credentials: 'same-origin',
        signal: options.signal ?? null,
      });
    } catch (error) {
      if (options.signal?.aborted) throw error;
      throw networkError(error);
    }
  }

  /** Sends with the access token, renewing it once on a 401; error answers become ApiError. */
  async function authorized(path: string, options: RequestOptions): Promise<Response> {
    const url = buildUrl(path, options.query);
    let response = await send(url, options);
    if (response.status === 401) {
      await response.body?.cancel().catch(() => undefined);
      const renewed = await store.refresh();
      if (renewed) response = await send(url, options);
      if (!renewed || response.status === 401) {
        const error = renewed ? await apiErrorFromResponse(response) : unauthorized();
        store.clear('expired');
        throw error;
      }
    }
    if (!response.ok) throw await apiErrorFromResponse(response);
    return response;
  }

  async function request<S extends z.ZodType>(
    path: string,
    schema: S,
    options: RequestOptions = {},
  ): Promise<ApiResponse<z.output<S>>> {
    const response = await authorized(path, options);

    let body: unknown = undefined;
    if (response.status !== 204) {
      const text = await response.text();
      body = text ? (JSON.parse(text) as unknown) : undefined;
    }
    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      throw invalidResponse(response.status, `Uventet svar fra serveren (${path}).`, response.headers.get('x-request-id') ?? undefined);
    }
    return { data: parsed.data, status: response.status, headers: response.headers };
  }

  return {
    request,
    get: <S extends z.ZodType>(path: string, schema: S, options: Omit<RequestOptions, 'method' | 'body'> = {}) =>
      request(path, schema, { ...options, method: 'GET' }),
    post: <S extends z.ZodType>(path: string, schema: S, body?: unknown, options: Omit<RequestOptions, 'method' | 'body'> = {}) =>
      request(path, schema, { ...options, method: 'POST', body }),
    patch: <S extends z.ZodType>(path: string, schema: S, body: unknown, options: Omit<RequestOptions, 'method' | 'body'> = {}) =>
      request(path, schema, { ...options, method: 'PATCH', body }),
    put: <S extends z.ZodType>(path: string, schema: S, body: unknown, options: Omit<RequestOptions, 'method' | 'body'> = {}) =>
      request(path, schema, { ...options, method: 'PUT', body }),
    /** Another representation (a report as CSV, byte for byte), of the content type asked for in `accept`. */
    blob: async (path: string, accept: string, options: Omit<RequestOptions, 'method' | 'body'> = {}) =>
      (await authorized(path, { ...options, method: 'GET', headers: { ...options.headers, accept } })).blob(),
    delete: (path: string, options: Omit<RequestOptions, 'method' | 'body'> = {}) => request(path, z.unknown(), { ...options, method: 'DELETE' }),
  };
}

const unauthorized = () =>
  new ApiError({ status: 401, code: 'unauthorized', problem: problemOf('unauthorized', 401, 'Økten er utløpt. Logg inn på nytt.') });

export type ApiClient = ReturnType<typeof createApiClient>;

export const api = createApiClient(defaultSession);
