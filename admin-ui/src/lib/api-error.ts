import { type FieldError, type ProblemDetails, problemDetails } from '@alis/shared';

export interface ApiErrorInit {
  status: number;
  code: string;
  detail: string;
  errors?: FieldError[];
  requestId?: string | undefined;
  retryAfterSeconds?: number | undefined;
  problem?: ProblemDetails | undefined;
}

/**
 * An error answer from the API (RFC 9457 problem details), or a request that never got one
 * (status 0, code `network_error`).
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly detail: string;
  readonly errors: FieldError[];
  readonly requestId: string | undefined;
  /** Seconds from a `Retry-After` header (429, 503), when the API sent one. */
  readonly retryAfterSeconds: number | undefined;
  readonly problem: ProblemDetails | undefined;

  constructor(init: ApiErrorInit) {
    super(init.detail);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.detail = init.detail;
    this.errors = init.errors ?? [];
    this.requestId = init.requestId;
    this.retryAfterSeconds = init.retryAfterSeconds;
    this.problem = init.problem;
  }
}

export const isApiError = (error: unknown): error is ApiError => error instanceof ApiError;

/** `Retry-After` is either delay-seconds or an HTTP date. */
export function parseRetryAfter(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - now) / 1000));
}

const fallbackCode = (status: number) => {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 412) return 'precondition_failed';
  if (status === 429) return 'rate_limited';
  if (status >= 500) return 'internal_error';
  return 'http_error';
};

/** Turns an error response into an ApiError, reading the problem details body when there is one. */
export async function apiErrorFromResponse(response: Response): Promise<ApiError> {
  let body: unknown;
  try {
    const text = await response.text();
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  const parsed = problemDetails.safeParse(body);
  const retryAfterSeconds = parseRetryAfter(response.headers.get('retry-after'));
  const headerRequestId = response.headers.get('x-request-id') ?? undefined;
  if (parsed.success) {
    const problem = parsed.data;
    return new ApiError({
      status: response.status,
      code: problem.code,
      detail: problem.detail ?? problem.title,
      errors: 'errors' in problem ? problem.errors : [],
      requestId: problem.requestId ?? headerRequestId,
      retryAfterSeconds,
      problem,
    });
  }
  return new ApiError({
    status: response.status,
    code: fallbackCode(response.status),
    detail: response.statusText || `HTTP ${response.status}`,
    requestId: headerRequestId,
    retryAfterSeconds,
  });
}

export function networkError(cause: unknown): ApiError {
  const error = new ApiError({
    status: 0,
    code: 'network_error',
    detail: cause instanceof Error ? cause.message : 'The request failed',
  });
  error.cause = cause;
  return error;
}

/** A message for people, in Norwegian, for any error a request can end with. */
export function errorMessage(error: unknown): string {
  if (!(error instanceof ApiError)) return 'Noe gikk galt. Prøv igjen, eller last inn siden på nytt.';
  if (error.status === 0) return 'Får ikke kontakt med serveren. Sjekk nettforbindelsen og prøv igjen.';
  if (error.status === 401) return 'Du er ikke logget inn, eller økten er utløpt.';
  if (error.status === 403) return 'Du har ikke tilgang til dette.';
  if (error.status === 404) return 'Fant ikke det du ba om.';
  if (error.status === 429) {
    return error.retryAfterSeconds !== undefined
      ? `For mange forespørsler, prøv igjen om ${error.retryAfterSeconds} sekunder.`
      : 'For mange forespørsler, prøv igjen om litt.';
  }
  if (error.status >= 500) return 'Noe gikk galt på serveren. Prøv igjen om litt.';
  if (error.code === 'validation_failed' || error.code === 'invalid_cursor' || error.code === 'bad_request') {
    return `Ugyldig forespørsel: ${error.detail}`;
  }
  return error.detail;
}
