import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { ERRORS, type ErrorCode, type FieldError, MAX_FIELD_ERRORS, fieldErrorsFromIssues, problemType } from '@alis/shared';
import { isAppError } from '../lib/app-error.js';
import { DATABASE_RETRY_AFTER_SECONDS, isDatabaseUnavailable } from '../lib/database-errors.js';

const CONTEXT_LABEL: Record<string, string> = {
  body: 'request body',
  querystring: 'query string',
  params: 'path',
  headers: 'headers',
};

/** Fastify's validation entries carry the zod issue's own members in `params`. */
function fieldErrorsOf(error: FastifyError): FieldError[] {
  return fieldErrorsFromIssues(
    (error.validation ?? []).map((entry) => ({
      ...entry.params,
      code: entry.keyword,
      path: entry.instancePath.split('/').filter(Boolean),
      message: entry.message ?? 'invalid',
    })),
  );
}

/** SQLSTATE of text the database cannot store, such as a NUL byte ("\u0000") sent by a client. */
const CHARACTER_NOT_IN_REPERTOIRE = '22021';

/** The database's SQLSTATE of an error, also when drizzle wraps it (`DrizzleQueryError.cause`). */
function sqlStateOf(error: unknown): string | undefined {
  for (let current = error, depth = 0; current instanceof Error && depth < 3; current = current.cause, depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

/** Fastify's own errors (body parsing, limits) by status; anything that is not a client error is internal. */
const CODE_OF_STATUS: Partial<Record<number, ErrorCode>> = {
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
};
function codeOfFastifyError(error: FastifyError): ErrorCode {
  const status = error.statusCode ?? 500;
  if (status < 400 || status >= 500) return 'internal_error';
  return CODE_OF_STATUS[status] ?? 'bad_request';
}

/** Sends the problem of `code` (its status comes from the code); the one writer of the wire shape. */
export function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  code: ErrorCode,
  detail: string | undefined,
  extra: Record<string, unknown> = {},
) {
  const { status, title } = ERRORS[code];
  // A body with thousands of unknown fields must not be answered with thousands of errors.
  if (Array.isArray(extra.errors) && extra.errors.length > MAX_FIELD_ERRORS) extra = { ...extra, errors: extra.errors.slice(0, MAX_FIELD_ERRORS) };
  const body = {
    type: problemType(code),
    title,
    status,
    ...(detail ? { detail } : {}),
    instance: request.url.split('?')[0],
    code,
    requestId: request.id,
    ...extra,
  };
  return reply.code(status).type('application/problem+json').serializer(JSON.stringify).send(body);
}

export default fp(
  (app: FastifyInstance) => {
    app.setErrorHandler((error: FastifyError, request, reply) => {
      if (isAppError(error)) {
        const { headers, ...extra } = error.extra;
        if (headers) reply.headers(headers);
        if (error.status >= 500) request.log.error({ err: error }, 'request failed');
        return sendProblem(request, reply, error.code, error.message, extra);
      }
      if (hasZodFastifySchemaValidationErrors(error)) {
        const where = CONTEXT_LABEL[error.validationContext ?? 'body'] ?? 'request';
        return sendProblem(request, reply, 'validation_failed', `The ${where} has invalid fields.`, {
          errors: fieldErrorsOf(error),
        });
      }
      if (isResponseSerializationError(error)) {
        request.log.error({ err: error, cause: error.cause }, 'response did not match its schema');
        return sendProblem(request, reply, 'internal_error', 'The server failed to produce a valid response.');
      }
      if (isDatabaseUnavailable(error)) {
        request.log.warn({ err: error }, 'database unavailable');
        reply.header('retry-after', String(DATABASE_RETRY_AFTER_SECONDS));
        return sendProblem(request, reply, 'service_unavailable', 'The database is not reachable at the moment; retry shortly.');
      }
      if (sqlStateOf(error) === CHARACTER_NOT_IN_REPERTOIRE) {
        return sendProblem(request, reply, 'bad_request', 'The request holds a character that cannot be stored, such as a NUL byte.');
      }
      const code = codeOfFastifyError(error);
      if (code === 'internal_error') {
        request.log.error({ err: error }, 'unhandled error');
        // A 5xx never shows internals.
        return sendProblem(request, reply, 'internal_error', 'Something went wrong on our side. Quote the request id if you contact us.');
      }
      return sendProblem(request, reply, code, error.message);
    });
  },
  { name: 'errors' },
);
