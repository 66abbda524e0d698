import { ERROR_STATUS, type ErrorCode, type FieldError } from '@alis/shared';

const TITLES: Record<ErrorCode, string> = {
  validation_failed: 'Invalid input',
  invalid_cursor: 'Invalid cursor',
  bad_request: 'Bad request',
  unauthorized: 'Authentication required',
  invalid_credentials: 'Invalid credentials',
  forbidden: 'Forbidden',
  not_found: 'Not found',
  method_not_allowed: 'Method not allowed',
  not_acceptable: 'Not acceptable',
  conflict: 'Conflict',
  already_exists: 'Already exists',
  illegal_transition: 'Transition not allowed from the current status',
  idempotency_in_flight: 'Request with this Idempotency-Key is still in progress',
  precondition_failed: 'Precondition failed',
  payload_too_large: 'Payload too large',
  unsupported_media_type: 'Unsupported media type',
  unprocessable: 'Unprocessable request',
  idempotency_key_reused: 'Idempotency-Key reused with a different request',
  rate_limited: 'Too many requests',
  internal_error: 'Internal server error',
  service_unavailable: 'Service unavailable',
};

export function titleOf(code: ErrorCode): string {
  return TITLES[code];
}

/** The one error the application throws on purpose; the error handler turns it into a problem. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    detail?: string,
    readonly extra: { errors?: FieldError[]; headers?: Record<string, string>; [key: string]: unknown } = {},
  ) {
    super(detail ?? TITLES[code]);
    this.name = 'AppError';
    this.status = ERROR_STATUS[code];
  }
}

export const notFound = (what: string) => new AppError('not_found', `${what} was not found.`);
export const forbidden = (detail: string) => new AppError('forbidden', detail);
export const invalid = (errors: FieldError[], detail = 'The request has invalid fields.') =>
  new AppError('validation_failed', detail, { errors });
